import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { memoryAdapter, type KoloAdapter } from '@kolo/core';
import '../../define/kolo-choice.ts';
import { KoloChoice } from './choice.ts';
import { $, castVote, mount, $$, hasState, textOf, waitForState } from '../../test-utils/helpers.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';
import { outlinedFromPage, valueParts } from '../../test-utils/theme-suite.ts';

const CARDS = `<h3>Which digest would you read?</h3>
  <article data-value="weekly"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A calendar with Sundays marked"><h4>A: Weekly digest</h4><p>One long email on Sunday.</p></article>
  <article data-value="daily"><h4>B: Daily short</h4><p>Three links every morning.</p></article>
  <a data-next-step href="https://example.org/newsletter">Subscribe</a>`;

const choiceFrom = (markup: string, adapter?: KoloAdapter) => mount('kolo-choice', markup, adapter);
const radios = (el: KoloChoice) => $$<HTMLInputElement>(el, 'input[type="radio"]');
async function choose(el: KoloChoice, value: string) {
  radios(el).find((r) => r.value === value)!.click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part~="vote-button"]')!.click();
  await waitUntil(() => hasState(el, 'voted') && !hasState(el, 'pending'), 'voted', { timeout: 3000 });
}

widgetSuite({
  tag: 'kolo-choice',
  ctor: KoloChoice,
  render: (adapter) => html`<kolo-choice .adapter=${adapter} choice-id="shared"
    ><h3>A or B?</h3>
    <article data-value="a"><h4>A</h4></article>
    <article data-value="b"><h4>B</h4></article
  ></kolo-choice>`,
  attributes: [
    ['choice-id', 'choiceId', 'c1', 'c1'],
    ['name', 'name', 'digest', 'digest'],
    ['results', 'results', 'never', 'never'],
    ['closes', 'closes', '2030-01-01', '2030-01-01'],
    ['allow-change', 'allowChange', '', true],
    ['theme', 'theme', 'dark', 'dark'],
  ],
  labels: { en: 'Choose', uk: 'Обрати' },
});

describe('<kolo-choice>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('renders scenarios from HTML with title, text and image, as a radio group', async () => {
    const el = await choiceFrom(`<kolo-choice choice-id="digest">${CARDS}</kolo-choice>`);
    expect($(el, 'legend')!.textContent).to.equal('Which digest would you read?');
    expect($$(el, '[part~="title"]').map((t) => t.textContent!.trim())).to.deep.equal(['A: Weekly digest', 'B: Daily short']);
    expect($(el, '[part~="text"]')!.textContent).to.equal('One long email on Sunday.');
    expect($<HTMLImageElement>(el, '[part~="image"]')!.alt).to.equal('A calendar with Sundays marked');
    expect(radios(el)).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('exposes the group, the legend, each scenario by its value and the selected one to page CSS', async () => {
    const el = await choiceFrom(`<kolo-choice choice-id="parts">${CARDS}</kolo-choice>`);
    expect(valueParts(el, 'option')).to.deep.equal(['value-weekly', 'value-daily']);
    expect(outlinedFromPage(el, 'group')).to.equal('rgb(1, 2, 3)');
    expect(outlinedFromPage(el, 'legend')).to.equal('rgb(1, 2, 3)');
    expect($(el, '[part~="option-selected"]')).to.equal(null);
    radios(el)[1]!.click();
    await el.updateComplete;
    expect($(el, '[part~="option-selected"]')!.part.contains('value-daily')).to.equal(true);
    expect(outlinedFromPage(el, 'option-selected')).to.equal('rgb(1, 2, 3)');
    $<HTMLButtonElement>(el, '[part~="vote-button"]')!.click();
    await waitUntil(() => hasState(el, 'voted') && !hasState(el, 'pending'), 'voted', { timeout: 3000 });
    expect($(el, '[part~="option-selected"]')).to.equal(null);
    expect($(el, '[part~="option-mine"]')!.part.contains('value-daily')).to.equal(true);
  });

  it('shows the scenarios side by side on a wide screen and stacked on a narrow one', async () => {
    await setViewport({ width: 1000, height: 800 });
    const el = await choiceFrom(`<kolo-choice choice-id="layout">${CARDS}</kolo-choice>`);
    const [a, b] = $$(el, '[part~="option"]').map((c) => c.getBoundingClientRect());
    expect(Math.abs(a!.top - b!.top)).to.be.lessThan(2);
    await setViewport({ width: 360, height: 800 });
    await el.updateComplete;
    const [a2, b2] = $$(el, '[part~="option"]').map((c) => c.getBoundingClientRect());
    expect(b2!.top).to.be.greaterThan(a2!.bottom - 1);
  });

  for (const [look, width, theme] of [['light', 800, 'light'], ['dark', 800, 'dark'], ['a 375 px phone', 375, 'light']] as const) {
    it(`draws each scenario's result bar as a full-width track inside its card (${look})`, async () => {
      await setViewport({ width, height: 800 });
      const adapter = memoryAdapter({ seed: { 'choice:bars': { counts: { weekly: 3, daily: 1 } } } });
      const el = await choiceFrom(`<kolo-choice choice-id="bars" results="always" theme="${theme}">${CARDS}</kolo-choice>`, adapter);
      const cards = $$(el, '[part~="option"]');
      expect(cards).to.have.length(2);
      for (const card of cards) {
        const box = card.getBoundingClientRect();
        const pad = parseFloat(getComputedStyle(card).paddingInlineStart) + parseFloat(getComputedStyle(card).borderInlineStartWidth);
        const bar = card.querySelector('[part~="bar"]')!.getBoundingClientRect();
        expect(bar.left, 'starts inside its card').to.be.closeTo(box.left + pad, 1);
        expect(bar.right, 'ends inside its card').to.be.closeTo(box.right - pad, 1);
        expect(bar.height, 'a thin track, not a pill of text height').to.be.closeTo(8, 0.5);
        expect(bar.bottom).to.be.at.most(box.bottom - pad + 0.5);
      }
      const fill = $(el, '[part~="bar-fill"]')!.getBoundingClientRect();
      expect(fill.width / cards[0]!.querySelector('[part~="bar"]')!.getBoundingClientRect().width).to.be.closeTo(0.75, 0.01);
    });
  }

  it('chooses with the keyboard and shows the split', async () => {
    const adapter = memoryAdapter({ seed: { 'choice:kb': { counts: { weekly: 3, daily: 1 } } } });
    const el = await choiceFrom(`<kolo-choice choice-id="kb">${CARDS}</kolo-choice>`, adapter);
    radios(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(radios(el)[1]!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'voted');
    expect($$(el, '[part~="percent"]').map((p) => p.textContent)).to.deep.equal(['60%', '40%']);
    expect($(el, '[part~="option-mine"]')!.textContent).to.contain('Daily short');
    expect($<HTMLElement>(el, '[part~="split-a"]')!.style.inlineSize).to.equal('60%');
    expect(textOf(el, '[part~="status"]')).to.equal('Thank you, your choice is counted.');
    expect($(el, '[part~="next-step"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('takes part in a host form with its name and the chosen value', async () => {
    const wrapper = await fixture<HTMLFormElement>(`<form><kolo-choice name="digest" choice-id="form">${CARDS}</kolo-choice></form>`);
    const el = wrapper.querySelector('kolo-choice')!;
    el.adapter = memoryAdapter();
    await waitForState(el, 'ready');
    expect(el.form).to.equal(wrapper);
    expect(new FormData(wrapper).get('digest')).to.equal(null);
    radios(el)[0]!.click();
    await el.updateComplete;
    expect(el.value).to.equal('weekly');
    expect(new FormData(wrapper).get('digest')).to.equal('weekly');
    await choose(el, 'weekly');
    expect(new FormData(wrapper).get('digest')).to.equal('weekly');
  });

  it('picks a scenario when its value is set (property or attribute), and says a person\'s pick with input and change', async () => {
    const el = await choiceFrom(`<kolo-choice choice-id="controlled" value="daily">${CARDS}</kolo-choice>`);
    expect(el.value).to.equal('daily');
    expect(radios(el).map((r) => r.checked)).to.deep.equal([false, true]);
    el.value = 'weekly';
    await el.updateComplete;
    expect(radios(el).map((r) => r.checked)).to.deep.equal([true, false]);
    el.value = '';
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(radios(el).map((r) => r.checked)).to.deep.equal([false, false]);
    const seen: string[] = [];
    for (const type of ['input', 'change']) el.addEventListener(type, (e) => seen.push(`${e.type}:${(e.target as KoloChoice).value}`));
    radios(el)[1]!.click();
    await el.updateComplete;
    expect(seen).to.deep.equal(['input:daily', 'change:daily']);
    el.value = 'weekly';
    await el.updateComplete;
    expect(seen, 'setting the value is not a person\'s pick').to.have.length(2);
    await choose(el, 'weekly');
    expect(el.value).to.equal('weekly');
  });

  it('ignores a value that is not a scenario: set later, or given before the content was read', async () => {
    const wrapper = await fixture<HTMLFormElement>(`<form><kolo-choice name="digest" choice-id="unknown" value="monthly">${CARDS}</kolo-choice></form>`);
    const el = wrapper.querySelector('kolo-choice')!;
    el.adapter = memoryAdapter();
    await waitForState(el, 'ready');
    expect(el.value).to.equal('');
    expect(new FormData(wrapper).get('digest')).to.equal(null);
    el.value = 'daily';
    await el.updateComplete;
    el.value = 'yearly';
    await el.updateComplete;
    expect(el.value).to.equal('daily');
    expect(radios(el).map((r) => r.checked)).to.deep.equal([false, true]);
    expect(new FormData(wrapper).get('digest')).to.equal('daily');
  });

  it('allows changing the choice only when the author allows it', async () => {
    const fixed = await choiceFrom(`<kolo-choice choice-id="fixed">${CARDS}</kolo-choice>`);
    await choose(fixed, 'weekly');
    expect($(fixed, '[part~="change-button"]')).to.equal(null);
    const el = await choiceFrom(`<kolo-choice choice-id="changeable" allow-change>${CARDS}</kolo-choice>`);
    await choose(el, 'weekly');
    $<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    radios(el)[1]!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="vote-button"]')!.click();
    await waitUntil(() => !hasState(el, 'changing'));
    expect($(el, '[part~="option-mine"]')!.textContent).to.contain('Daily short');
    expect(textOf(el, '[part~="total"]')).to.equal('1 vote');
  });

  it('shows a closed choice with its split, and hides results when the author says never', async () => {
    const adapter = memoryAdapter({ seed: { 'choice:old': { counts: { weekly: 1, daily: 3 } } } });
    const closed = await choiceFrom(`<kolo-choice choice-id="old" closes="2024-01-01">${CARDS}</kolo-choice>`, adapter);
    expect(hasState(closed, 'closed')).to.equal(true);
    expect(radios(closed)).to.have.length(0);
    expect($$(closed, '[part~="percent"]').map((p) => p.textContent)).to.deep.equal(['25%', '75%']);
    await expect(closed).to.be.accessible();
    const hidden = await choiceFrom(`<kolo-choice choice-id="never" results="never">${CARDS}</kolo-choice>`);
    await choose(hidden, 'daily');
    expect($(hidden, '[part~="percent"]')).to.equal(null);
    expect($(hidden, '[part~="split"]')).to.equal(null);
    await expect(hidden).to.be.accessible();
  });

  it('shows an inline SVG picture (base64 or URL-encoded) as an image, and only as an image', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 9"><rect width="16" height="9" fill="#c8d6f5"/></svg>';
    const sources = [`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, `data:image/svg+xml;base64,${btoa(svg)}`];
    const el = await choiceFrom(`<kolo-choice choice-id="svg"><h3>Q</h3>${sources
      .map((src, i) => `<article data-value="v${i}"><img src="${src}" alt="Picture ${i}"><h4>${i}</h4></article>`)
      .join('')}</kolo-choice>`);
    expect(hasState(el, 'ready')).to.equal(true);
    const images = $$<HTMLImageElement>(el, '[part~="image"]');
    expect(images.map((i) => i.getAttribute('src'))).to.deep.equal(sources);
    await Promise.all(images.map((i) => i.decode()));
    expect(images.map((i) => i.naturalWidth > 0)).to.deep.equal([true, true]);
    const uses = $$(el, '*').flatMap((n) => [...n.attributes].filter((a) => a.value.includes('data:image/svg')).map((a) => `${n.localName}[${a.name}]`));
    expect(uses, 'never a link, a style or a background').to.deep.equal(['img[src]', 'img[src]']);
  });

  it('requires alt text on images and explains invalid content', async () => {
    const el = await choiceFrom(`<kolo-choice choice-id="noalt"><h3>Q</h3><article><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><h4>A</h4></article><article><h4>B</h4></article></kolo-choice>`);
    expect(hasState(el, 'invalid')).to.equal(true);
    expect(textOf(el, '[role="alert"]')).to.contain('options.0.image.alt: is required (alt="" only for a purely decorative image)');
    await expect(el).to.be.accessible();
  });

  it('updates live and fires kolo-change when someone else chooses', async () => {
    const adapter = memoryAdapter();
    const el = await choiceFrom(`<kolo-choice choice-id="live" results="always">${CARDS}</kolo-choice>`, adapter);
    const changed = oneEvent(el, 'kolo-change');
    await castVote(adapter, 'someone-else', { kind: 'choice', id: 'live' }, ['daily'], ['weekly', 'daily']);
    expect((await changed).detail.source).to.equal('live');
    await el.updateComplete;
    expect($$(el, '[part~="percent"]').map((p) => p.textContent)).to.deep.equal(['0%', '100%']);
  });

  it('speaks Ukrainian and lays out right to left', async () => {
    const el = await choiceFrom(`<div dir="rtl" lang="uk"><kolo-choice choice-id="ukr">${CARDS}</kolo-choice></div>`);
    expect(textOf(el, '[part~="vote-button"]')).to.equal('Обрати');
    const [a, b] = $$(el, '[part~="option"]').map((c) => c.getBoundingClientRect());
    if (Math.abs(a!.top - b!.top) < 2) expect(a!.left).to.be.greaterThan(b!.left);
    await expect(el).to.be.accessible();
  });
});
