import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { KoloError, localAdapter, memoryAdapter, memoryStorage, type KoloAction, type KoloAdapter, type VoteAction } from '@kolo/core';
import '../../define/kolo-poll.ts';
import { KoloPoll } from './poll.ts';
import { httpAdapter } from '@kolo/core/http';
import { provideAdapter, registerAdapter } from '../../base/adapters.ts';
import { $, castVote, mount, $$, hasState, textOf, waitForState } from '../../test-utils/helpers.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';
import { outlinedFromPage, valueParts } from '../../test-utils/theme-suite.ts';
import type { KoloChangeEvent } from '../../events/kolo-change.ts';

const poll = (adapter: KoloAdapter) =>
  fixture<KoloPoll>(html`
    <kolo-poll .adapter=${adapter} poll-id="format">
      <h3>Which format do you prefer?</h3>
      <ul>
        <li data-value="carousel">Carousel</li>
        <li data-value="video">Video</li>
        <li data-value="text">Long read</li>
      </ul>
      <a data-next-step href="https://example.org/guide">Read the guide</a>
    </kolo-poll>
  `);

const pollFrom = (markup: string, adapter?: KoloAdapter | 'default', before?: (wrapper: HTMLElement) => void) => mount('kolo-poll', markup, adapter, before);

const OPTIONS = `<h3>Which format do you prefer?</h3>
  <p>We plan next month's posts.</p>
  <ul><li data-value="carousel">Carousel</li><li data-value="video">Video</li><li data-value="text">Long read</li></ul>
  <a data-next-step href="https://example.org/guide?x=1">Read the guide</a>`;

const inputs = (el: KoloPoll) => $$<HTMLInputElement>(el, 'input');
const voteButton = (el: KoloPoll) => $<HTMLButtonElement>(el, '[part~="vote-button"]')!;
async function choose(el: KoloPoll, ...values: string[]) {
  for (const v of values) inputs(el).find((i) => i.value === v)!.click();
  await el.updateComplete;
}
async function vote(el: KoloPoll, ...values: string[]) {
  await choose(el, ...values);
  voteButton(el).click();
  await waitUntil(() => !hasState(el, 'pending') && hasState(el, 'voted'), 'voted', { timeout: 3000 });
}

widgetSuite({
  tag: 'kolo-poll',
  ctor: KoloPoll,
  render: (adapter) => html`<kolo-poll .adapter=${adapter} poll-id="shared">${unsafeOptions()}</kolo-poll>`,
  attributes: [
    ['poll-id', 'pollId', 'p1', 'p1'],
    ['multiple', 'multiple', '', true],
    ['max-choices', 'maxChoices', '2', 2],
    ['results', 'results', 'always', 'always'],
    ['closes', 'closes', '2030-01-01', '2030-01-01'],
    ['allow-change', 'allowChange', '', true],
    ['theme', 'theme', 'dark', 'dark'],
    ['campaign', 'campaign', 'spring', 'spring'],
    ['messages', 'messages', '{"vote":"Send"}', { vote: 'Send' }],
  ],
  labels: { en: 'Vote', uk: 'Проголосувати' },
});

function unsafeOptions() {
  return html`<h3>Q?</h3>
    <ul>
      <li data-value="a">A</li>
      <li data-value="b">B</li>
    </ul>`;
}

describe('<kolo-poll>', () => {
  beforeEach(() => emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' }));

  it('renders the question and options authored in HTML, as a labelled radio group', async () => {
    const el = await poll(memoryAdapter());
    await waitForState(el, 'ready');
    expect($(el, 'legend')!.textContent).to.equal('Which format do you prefer?');
    const radios = inputs(el);
    expect(radios.map((r) => r.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(radios.map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal(['Carousel', 'Video', 'Long read']);
    expect(voteButton(el).disabled).to.equal(true);
    expect($(el, '[part~="bar"]')).to.equal(null); // results after voting by default
    await expect(el).to.be.accessible();
  });

  it('keeps the authored text visible in the page before the element is defined', async () => {
    const wrapper = await fixture<HTMLDivElement>(`<div><kolo-poll-undefined>${OPTIONS}</kolo-poll-undefined></div>`);
    expect(wrapper.textContent).to.contain('Which format do you prefer?');
    expect(wrapper.textContent).to.contain('Long read');
  });

  it('votes with the mouse and shows bars, counts and percentages', async () => {
    const adapter = memoryAdapter({ seed: { 'poll:format': { counts: { carousel: 2, video: 1 } } } });
    const el = await poll(adapter);
    await waitForState(el, 'ready');
    await vote(el, 'video');
    expect(inputs(el)).to.have.length(0);
    const percents = $$(el, '[part~="percent"]').map((p) => p.textContent);
    expect(percents).to.deep.equal(['50%', '50%', '0%']);
    expect($$(el, '[part~="count"]').map((p) => p.textContent)).to.deep.equal(['2 votes', '2 votes', '0 votes']);
    expect(textOf(el, '[part~="total"]')).to.equal('4 votes');
    expect($(el, '[part~="option-mine"]')!.textContent).to.contain('your choice');
    const fill = $(el, '[part~="option-mine"] [part~="bar-fill"]')!;
    expect(fill.style.inlineSize).to.equal('50%');
    expect(textOf(el, '[part~="status"]')).to.equal('Thank you, your vote is counted.');
    expect(hasState(el, 'voted') && hasState(el, 'results')).to.equal(true);
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('FIELDSET');
    await expect(el).to.be.accessible();
  });

  it('is operable with the keyboard alone', async () => {
    const el = await poll(memoryAdapter());
    await waitForState(el, 'ready');
    inputs(el)[0]!.focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(inputs(el)[1]!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(voteButton(el));
    await sendKeys({ press: 'Enter' });
    await waitForState(el, 'voted');
    expect($(el, '[part~="option-mine"]')!.textContent).to.contain('Video');
  });

  it('sends one ballot with an idempotency key and the voter id', async () => {
    const base = memoryAdapter();
    const sent: VoteAction[] = [];
    const record = (a: KoloAction) => (sent.push(a as VoteAction), base.send(a));
    const el = await poll({ ...base, send: record });
    await waitForState(el, 'ready');
    await vote(el, 'carousel');
    expect(sent).to.have.length(1);
    expect(sent[0]).to.include({ type: 'vote' });
    expect(sent[0]!.id).to.match(/^a_/);
    expect(sent[0]!.voter).to.match(/^v_/);
    expect(sent[0]!.choices).to.deep.equal(['carousel']);
    expect(sent[0]!.policy).to.deep.equal({ options: ['carousel', 'video', 'text'], multiple: false, change: false });
  });

  it('lets a person choose several answers up to max-choices', async () => {
    const el = await pollFrom(`<kolo-poll poll-id="multi" multiple max-choices="2">${OPTIONS}</kolo-poll>`);
    expect(inputs(el).map((i) => i.type)).to.deep.equal(['checkbox', 'checkbox', 'checkbox']);
    expect(textOf(el, '[part~="hint"]')).to.equal('Choose up to 2 answers.');
    await choose(el, 'carousel', 'text');
    expect(inputs(el)[1]!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    voteButton(el).click();
    await waitForState(el, 'voted');
    expect($$(el, '[part~="option-mine"]')).to.have.length(2);
    expect(textOf(el, '[part~="total"]')).to.equal('1 person voted');
    expect($$(el, '[part~="percent"]').map((p) => p.textContent)).to.deep.equal(['50%', '0%', '50%']);
  });

  it('shows results before voting with results="always"', async () => {
    const adapter = memoryAdapter({ seed: { 'poll:always': { counts: { carousel: 3, video: 1 } } } });
    const el = await pollFrom(`<kolo-poll poll-id="always" results="always">${OPTIONS}</kolo-poll>`, adapter);
    expect(inputs(el)).to.have.length(3);
    expect($$(el, '[part~="percent"]').map((p) => p.textContent)).to.deep.equal(['75%', '25%', '0%']);
    expect($(el, '[part~="option-leading"]')!.textContent).to.contain('Carousel');
    await expect(el).to.be.accessible();
  });

  it('never shows results with results="never"', async () => {
    const el = await pollFrom(`<kolo-poll poll-id="never" results="never">${OPTIONS}</kolo-poll>`);
    await vote(el, 'carousel');
    expect($(el, '[part~="bar"]')).to.equal(null);
    expect($(el, '[part~="percent"]')).to.equal(null);
    expect(textOf(el)).to.contain('The results of this poll are not published.');
    await expect(el).to.be.accessible();
  });

  it('shows a closed poll with its results and no way to vote', async () => {
    const adapter = memoryAdapter({ seed: { 'poll:closed': { counts: { carousel: 1, video: 3 } } } });
    const el = await pollFrom(`<kolo-poll poll-id="closed" closes="2024-03-01T12:00:00Z">${OPTIONS}</kolo-poll>`, adapter);
    expect(hasState(el, 'closed')).to.equal(true);
    expect(inputs(el)).to.have.length(0);
    expect($(el, '[part~="vote-button"]')).to.equal(null);
    expect(textOf(el, '[part~="meta"]')).to.equal('Closed on March 1, 2024.');
    expect($$(el, '[part~="percent"]').map((p) => p.textContent)).to.deep.equal(['25%', '75%', '0%']);
    expect($(el, '[part~="next-step"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('closes by itself when the closing time passes while open', async () => {
    const soon = new Date(Date.now() + 400).toISOString();
    const el = await pollFrom(`<kolo-poll poll-id="soon" closes="${soon}">${OPTIONS}</kolo-poll>`);
    expect(inputs(el)).to.have.length(3);
    await waitForState(el, 'closed');
    expect(inputs(el)).to.have.length(0);
  });

  it('lets a person change their vote when allowed', async () => {
    const el = await pollFrom(`<kolo-poll poll-id="change" allow-change>${OPTIONS}</kolo-poll>`);
    await vote(el, 'carousel');
    $<HTMLButtonElement>(el, '[part~="change-button"]')!.click();
    await el.updateComplete;
    expect(hasState(el, 'changing')).to.equal(true);
    expect(inputs(el).find((i) => i.checked)!.value).to.equal('carousel');
    expect(el.shadowRoot!.activeElement).to.equal(inputs(el)[0]);
    await expect(el).to.be.accessible();
    await choose(el, 'text');
    voteButton(el).click();
    await waitUntil(() => !hasState(el, 'changing'));
    expect($(el, '[part~="option-mine"]')!.textContent).to.contain('Long read');
    expect(textOf(el, '[part~="total"]')).to.equal('1 vote');
  });

  it('offers no change when the author does not allow it', async () => {
    const el = await pollFrom(`<kolo-poll poll-id="nochange">${OPTIONS}</kolo-poll>`);
    await vote(el, 'carousel');
    expect($(el, '[part~="change-button"]')).to.equal(null);
  });

  it('rolls back an optimistic vote the adapter refuses, and says why', async () => {
    const base = memoryAdapter();
    let fail: (e: unknown) => void = () => {};
    const adapter: KoloAdapter = { ...base, send: () => new Promise((_, rej) => (fail = rej)) };
    const el = await poll(adapter);
    await waitForState(el, 'ready');
    await choose(el, 'video');
    voteButton(el).click();
    await waitForState(el, 'pending');
    // optimistic: the vote shows at once, before the adapter answers
    expect(hasState(el, 'voted')).to.equal(true);
    expect($(el, '[part~="option-mine"]')!.textContent).to.contain('Video');
    expect($<HTMLFieldSetElement>(el, 'fieldset')!.disabled).to.equal(true);
    fail(new KoloError('rate-limited', '', 'slow down', 10));
    await waitUntil(() => !hasState(el, 'pending'));
    expect(hasState(el, 'voted')).to.equal(false);
    expect(inputs(el)).to.have.length(3);
    expect($(el, '[part~="error"][role="alert"]')!.textContent).to.equal(
      'Your answer wasn’t saved: too many attempts. Wait a moment and try again.',
    );
    expect(el.shadowRoot!.activeElement).to.equal(voteButton(el));
    expect(inputs(el).find((i) => i.checked)?.value).to.equal('video');
    await expect(el).to.be.accessible();
  });

  it('shows the adapter’s reason when a vote is rejected', async () => {
    const adapter: KoloAdapter = { ...memoryAdapter(), send: () => Promise.reject(new KoloError('rejected', 'already-voted')) };
    const el = await poll(adapter);
    await waitForState(el, 'ready');
    await choose(el, 'video');
    voteButton(el).click();
    await waitUntil(() => $(el, '[part~="error"]'));
    expect(textOf(el, '[part~="error"]')).to.contain('you have already voted');
  });

  it('shows the refusal of a vote kept offline as it shows a direct one (the HTTP adapter\'s outbox)', async () => {
    const answer = (status: number, body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status }));
    let actions = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
    const fetch = ((url: string) =>
      url.endsWith('/v1/actions') ? actions() : url.includes('/v1/events') ? new Promise(() => {}) : answer(200, { counts: { carousel: 1 }, voters: 1, mine: [] })) as typeof globalThis.fetch;
    const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch });
    const el = await poll(adapter);
    await waitForState(el, 'ready');
    await choose(el, 'video');
    voteButton(el).click();
    await waitUntil(() => textOf(el, '[part~="status"]') === 'Saved offline, not sent yet.');
    expect(hasState(el, 'voted')).to.equal(true);
    // back online, the poll has closed meanwhile: the kept vote is refused for good
    actions = () => answer(409, { error: { code: 'rejected', reason: 'closed', message: 'voting has closed' } });
    await adapter.flush();
    await waitUntil(() => $(el, '[part~="error"]'));
    expect(textOf(el, '[part~="error"]')).to.equal('Your answer wasn’t saved: voting has closed.');
    expect([hasState(el, 'voted'), adapter.queued().length]).to.deep.equal([false, 0]);
    adapter.close();
    await expect(el).to.be.accessible();
  });

  it('shows a loading state while the adapter is slow', async () => {
    const el = await poll({ load: () => new Promise(() => {}), send: () => new Promise(() => {}) });
    expect(hasState(el, 'loading')).to.equal(true);
    expect($(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    expect($<HTMLFieldSetElement>(el, 'fieldset')!.disabled).to.equal(true);
    expect(textOf(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
  });

  it('explains invalid content instead of rendering a broken poll', async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...a: unknown[]) => errors.push(a.join(' '));
    try {
      const el = await pollFrom(`<kolo-poll poll-id="bad"><h3>Only one?</h3><ul><li>Yes</li></ul></kolo-poll>`);
      expect(hasState(el, 'invalid')).to.equal(true);
      const alert = $(el, '[role="alert"]')!;
      expect(alert.textContent).to.equal('This widget can’t be shown: options: a poll needs at least 2 options');
      expect(errors.join()).to.contain('a poll needs at least 2 options');
      await expect(el).to.be.accessible();
      const noId = await pollFrom(`<kolo-poll>${OPTIONS}</kolo-poll>`);
      expect(textOf(noId)).to.contain('id: is required');
    } finally {
      console.error = original;
    }
  });

  it('recovers when the content is fixed later (frameworks render children late)', async () => {
    const el = await pollFrom(`<kolo-poll poll-id="late"></kolo-poll>`);
    expect(hasState(el, 'invalid')).to.equal(true);
    el.innerHTML = OPTIONS;
    await waitForState(el, 'ready');
    expect(inputs(el)).to.have.length(3);
  });

  it('accepts a .config object and renders user text as text, never HTML', async () => {
    const el = document.createElement('kolo-poll');
    el.adapter = memoryAdapter();
    el.config = {
      id: 'cfg',
      question: '<img src=x onerror="window.hacked=1">Pick?',
      options: [
        { id: 'a', label: '<b>bold</b>' },
        { id: 'b', label: 'Plain' },
      ],
      results: 'always',
    };
    document.body.append(el);
    try {
      await waitForState(el, 'ready');
      expect($(el, 'legend')!.textContent).to.equal('<img src=x onerror="window.hacked=1">Pick?');
      expect($(el, 'img')).to.equal(null);
      expect($(el, 'b')).to.equal(null);
      expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
      el.config = { ...el.config, nextStep: { label: 'x', href: 'javascript:alert(1)' } };
      await el.updateComplete;
      expect(textOf(el)).to.contain('nextStep.href: must be an http(s)');
    } finally {
      el.remove();
    }
  });

  it('updates live when another voter votes, and fires kolo-change', async () => {
    const adapter = memoryAdapter();
    const el = await pollFrom(`<kolo-poll poll-id="live" results="always">${OPTIONS}</kolo-poll>`, adapter);
    const changed = oneEvent(el, 'kolo-change') as Promise<KoloChangeEvent>;
    await castVote(adapter, 'someone-else', { kind: 'poll', id: 'live' }, ['text'], ['carousel', 'video', 'text']);
    const ev = await changed;
    expect(ev.detail).to.deep.include({ id: 'live', source: 'live' });
    await el.updateComplete;
    expect($$(el, '[part~="percent"]').map((p) => p.textContent)).to.deep.equal(['0%', '0%', '100%']);
  });

  it('fires a cancelable kolo-vote before sending', async () => {
    const base = memoryAdapter();
    let sends = 0;
    const el = await poll({ ...base, send: (a) => (sends++, base.send(a)) });
    await waitForState(el, 'ready');
    el.addEventListener('kolo-vote', (e) => e.preventDefault(), { once: true });
    const seen = oneEvent(el, 'kolo-vote');
    await choose(el, 'video');
    voteButton(el).click();
    const ev = await seen;
    expect(ev.detail).to.deep.equal({ id: 'format', choices: ['video'], previous: [] });
    await el.updateComplete;
    expect(sends).to.equal(0);
    expect(hasState(el, 'voted')).to.equal(false);
    const after = oneEvent(el, 'kolo-change') as Promise<KoloChangeEvent>;
    voteButton(el).click();
    expect((await after).detail.source).to.equal('vote');
    expect(sends).to.equal(1);
  });

  it('offers a UTM-tagged next step after voting and reports the click', async () => {
    const adapter = memoryAdapter();
    const el = await pollFrom(`<kolo-poll poll-id="next" campaign="spring">${OPTIONS}</kolo-poll>`, adapter);
    expect($(el, '[part~="next-step"]')).to.equal(null);
    await vote(el, 'carousel');
    const link = $<HTMLAnchorElement>(el, '[part~="next-step"]')!;
    expect(link.textContent).to.equal('Read the guide');
    const url = new URL(link.href);
    expect(url.searchParams.get('x')).to.equal('1');
    expect(url.searchParams.get('utm_content')).to.equal('next');
    expect(url.searchParams.get('utm_campaign')).to.equal('spring');
    expect(url.searchParams.get('utm_medium')).to.equal('kolo');
    el.addEventListener('kolo-next-step', (e) => e.preventDefault(), { once: true });
    const ev = oneEvent(el, 'kolo-next-step');
    link.click();
    expect((await ev).detail).to.deep.equal({ id: 'next', href: link.href });
    expect(location.href).not.to.contain('example.org');
    // the view counts after the poll has been in sight for a second
    await waitUntil(() => adapter.signals.some((s) => s.type === 'view'), 'no view signal', { timeout: 3000 });
    expect(adapter.signals.map((s) => s.type)).to.include.members(['view', 'interact', 'submit', 'next-step']);
    expect(adapter.signals.every((s) => s.widget.id === 'next' && s.widget.kind === 'poll')).to.equal(true);
    // every signal carries the campaign, so next-step clicks ÷ views can be counted per campaign
    expect(adapter.signals.map((s) => s.data?.campaign)).to.deep.equal(adapter.signals.map(() => 'spring'));
    expect(adapter.signals.find((s) => s.type === 'next-step')!.data).to.deep.equal({ href: link.href, campaign: 'spring' });
  });

  it('counts a view once at least half of it has been in sight for a second, not when it only passes by', async () => {
    const adapter = memoryAdapter();
    const views = () => adapter.signals.filter((s) => s.type === 'view').length;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // far below the window
    const el = await pollFrom(`<kolo-poll poll-id="seen">${OPTIONS}</kolo-poll>`, adapter, (w) => (w.style.marginBlockStart = '300vh'));
    await sleep(1300);
    expect(views()).to.equal(0);
    // scrolled past: in sight for less than a second
    el.scrollIntoView({ block: 'center' });
    await sleep(400);
    scrollTo(0, 0);
    await sleep(1200);
    expect(views()).to.equal(0);
    // a quarter in sight is not enough
    const r = el.getBoundingClientRect();
    scrollTo(0, scrollY + r.top - innerHeight + r.height / 4);
    await sleep(1300);
    expect(views()).to.equal(0);
    // stays in sight: one view, and only one
    el.scrollIntoView({ block: 'center' });
    await waitUntil(() => views() === 1, 'no view after a second in sight', { timeout: 3000 });
    scrollTo(0, 0);
    await sleep(100);
    el.scrollIntoView({ block: 'center' });
    await sleep(1300);
    expect(views()).to.equal(1);
    scrollTo(0, 0);
  });

  it('counts a view of a widget taller than the window once it fills half of it', async () => {
    const adapter = memoryAdapter();
    const el = await pollFrom(`<kolo-poll poll-id="tall">${OPTIONS}</kolo-poll>`, adapter, (w) => (w.style.marginBlockStart = '150vh'));
    el.style.minBlockSize = '400vh';
    el.scrollIntoView({ block: 'start' });
    await waitUntil(() => adapter.signals.some((s) => s.type === 'view'), 'no view of a tall widget', { timeout: 3000 });
    scrollTo(0, 0);
  });

  it('speaks Ukrainian with correct plurals', async () => {
    const adapter = memoryAdapter({ seed: { 'poll:uk': { counts: { carousel: 2, video: 3 } } } });
    const el = await pollFrom(`<kolo-poll lang="uk" poll-id="uk" closes="2030-06-01T12:00:00Z">${OPTIONS}</kolo-poll>`, adapter);
    expect(voteButton(el).textContent!.trim()).to.equal('Проголосувати');
    expect(textOf(el, '[part~="hint"]')).to.equal('Оберіть одну відповідь.');
    expect(textOf(el, '[part~="meta"]'), 'the date ends the sentence with its own period').to.equal('Триває до 1 червня 2030 р.');
    await vote(el, 'video');
    expect(textOf(el, '[part~="total"]')).to.equal('6 голосів');
    expect($$(el, '[part~="count"]').map((c) => c.textContent)).to.deep.equal(['2 голоси', '4 голоси', '0 голосів']);
    await expect(el).to.be.accessible();
  });

  it('takes per-element message overrides', async () => {
    const el = await pollFrom(`<kolo-poll poll-id="msg" messages='{"vote":"Send my answer"}'>${OPTIONS}</kolo-poll>`);
    expect(voteButton(el).textContent!.trim()).to.equal('Send my answer');
  });

  it('lays out right to left', async () => {
    const adapter = memoryAdapter({ seed: { 'poll:rtl': { counts: { carousel: 1, video: 3 } } } });
    const el = await pollFrom(`<div dir="rtl"><kolo-poll poll-id="rtl" results="always">${OPTIONS}</kolo-poll></div>`, adapter);
    const bar = $(el, '[part~="bar"]')!.getBoundingClientRect();
    const fill = $(el, '[part~="bar-fill"]')!.getBoundingClientRect();
    expect(Math.abs(fill.right - bar.right)).to.be.lessThan(1);
    expect(fill.left).to.be.greaterThan(bar.left + 1);
    const row = $(el, 'li')!.getBoundingClientRect();
    const input = inputs(el)[0]!.getBoundingClientRect();
    expect(input.right).to.be.greaterThan(row.right - 40);
    await expect(el).to.be.accessible();
  });

  it('follows the OS dark mode where the page sets no color-scheme, and can be forced light or dark', async () => {
    const el = await pollFrom(`<kolo-poll poll-id="dark">${OPTIONS}</kolo-poll>`);
    const bg = () => getComputedStyle($(el, '[part~="base"]')!).backgroundColor;
    await new Promise(requestAnimationFrame); // it has looked at the page's color-scheme
    expect(hasState(el, 'page-scheme')).to.equal(false);
    expect(bg()).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(bg()).to.equal('rgb(26, 29, 35)');
    await expect(el).to.be.accessible();
    el.theme = 'light';
    await el.updateComplete;
    expect(bg()).to.equal('rgb(255, 255, 255)');
    await emulateMedia({ colorScheme: 'light' });
    el.theme = 'dark';
    await el.updateComplete;
    expect(bg()).to.equal('rgb(26, 29, 35)');
  });

  it('exposes the group, the legend, each option by its value and the selected option to page CSS', async () => {
    const el = await pollFrom(`<kolo-poll poll-id="parts"><h3>Q?</h3><ul><li data-value="yes">Yes</li><li data-value="v1.2:beta">Beta</li></ul></kolo-poll>`);
    expect(valueParts(el, 'option')).to.deep.equal(['value-yes', 'value-v1_2_beta']);
    expect(outlinedFromPage(el, 'group')).to.equal('rgb(1, 2, 3)');
    expect($(el, '[part~="group"]')!.localName).to.equal('fieldset');
    expect(outlinedFromPage(el, 'legend')).to.equal('rgb(1, 2, 3)');
    expect(outlinedFromPage(el, 'option value-v1_2_beta', 'value-v1_2_beta')).to.equal('rgb(1, 2, 3)');
    expect($(el, '[part~="option-selected"]')).to.equal(null);
    await choose(el, 'v1.2:beta');
    expect(textOf(el, '[part~="option-selected"]')).to.equal('Beta');
    expect(outlinedFromPage(el, 'option-selected')).to.equal('rgb(1, 2, 3)');
    voteButton(el).click();
    await waitUntil(() => hasState(el, 'voted') && !hasState(el, 'pending'), 'voted', { timeout: 3000 });
    // sent: no longer "selected", now this person's vote
    expect($(el, '[part~="option-selected"]')).to.equal(null);
    expect($(el, '[part~="option-mine"]')!.part.contains('value-v1_2_beta')).to.equal(true);
  });

  it('takes colors from --kolo-* custom properties set anywhere above it', async () => {
    const el = await pollFrom(`<div style="--kolo-color-surface: rgb(1, 2, 3)"><kolo-poll poll-id="tok">${OPTIONS}</kolo-poll></div>`);
    expect(getComputedStyle($(el, '[part~="base"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
  });

  it('does not animate the bars when reduced motion is preferred', async () => {
    const el = await pollFrom(`<kolo-poll poll-id="motion" results="always">${OPTIONS}</kolo-poll>`);
    const fill = $(el, '[part~="bar-fill"]')!;
    expect(getComputedStyle(fill).transitionDuration).not.to.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(fill).transitionDuration).to.equal('0s');
  });

  it('uses the local adapter by default, so the vote survives a reload', async () => {
    localStorage.clear();
    const first = await pollFrom(`<kolo-poll poll-id="persist">${OPTIONS}</kolo-poll>`, 'default');
    await vote(first, 'text');
    expect(localStorage.getItem('kolo:v1:poll:persist')).to.contain('text');
    first.parentElement!.remove();
    // a "reloaded" page: a new element and a new local adapter on the same localStorage
    const again = await pollFrom(`<kolo-poll poll-id="persist">${OPTIONS}</kolo-poll>`, localAdapter());
    expect(hasState(again, 'voted')).to.equal(true);
    expect($(again, '[part~="option-mine"]')!.textContent).to.contain('Long read');
  });

  it('finds its adapter from a provider, a kolo-adapter attribute, or a meta tag', async () => {
    const provided = memoryAdapter({ seed: { 'poll:find': { counts: { video: 7 } } } });
    const el = await pollFrom(`<section><kolo-poll poll-id="find" results="always">${OPTIONS}</kolo-poll></section>`, 'default', (w) =>
      provideAdapter(w.firstElementChild!, provided),
    );
    expect(textOf(el)).to.contain('7 votes');

    registerAdapter('seeded', () => memoryAdapter({ seed: { 'poll:find': { counts: { text: 5 } } } }));
    const byAttr = await pollFrom(`<div kolo-adapter="seeded"><kolo-poll poll-id="find" results="always">${OPTIONS}</kolo-poll></div>`, 'default');
    expect(textOf(byAttr)).to.contain('5 votes');

    const meta = Object.assign(document.createElement('meta'), { name: 'kolo-adapter', content: 'seeded' });
    document.head.append(meta);
    try {
      const byMeta = await pollFrom(`<kolo-poll poll-id="find" results="always">${OPTIONS}</kolo-poll>`, 'default');
      expect(textOf(byMeta)).to.contain('5 votes');
    } finally {
      meta.remove();
    }

    const unknown = await pollFrom(`<kolo-poll kolo-adapter="nope" poll-id="find">${OPTIONS}</kolo-poll>`, 'default');
    expect(hasState(unknown, 'invalid')).to.equal(true);
    expect(textOf(unknown)).to.contain('unknown adapter "nope"');
  });

  it('talks to a Kolo server named in HTML (kolo-adapter="https://…"), and shows a vote kept offline as such', async () => {
    const real = window.fetch;
    const calls: string[] = [];
    let online = true;
    let tally = { counts: { video: 4 }, voters: 4, mine: [] as string[] };
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      calls.push(`${init?.method ?? 'GET'} ${url.replace(/\?.*/, '')}`);
      if (url.includes('/v1/events')) return new Response(new ReadableStream({ start() {} }), { headers: { 'content-type': 'text/event-stream' } });
      if (!online) throw new TypeError('Failed to fetch');
      if (init?.method === 'POST') {
        const action = JSON.parse(String(init.body));
        tally = { counts: { video: 4, [action.choices[0]]: (action.choices[0] === 'video' ? 4 : 0) + 1 }, voters: 5, mine: action.choices };
      }
      return new Response(JSON.stringify(tally), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    try {
      localStorage.removeItem('kolo:v1:outbox');
      const el = await pollFrom(`<kolo-poll kolo-adapter="https://kolo.example" poll-id="remote" results="always">${OPTIONS}</kolo-poll>`, 'default');
      expect(calls).to.include('GET https://kolo.example/v1/widgets/poll/remote');
      expect(textOf(el, '[part~="total"]')).to.equal('4 votes');
      online = false;
      await vote(el, 'text');
      await waitUntil(() => textOf(el, '[part~="status"]').includes('Saved offline'), 'shown as kept offline');
      expect(JSON.parse(localStorage.getItem('kolo:v1:outbox')!)).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = real;
      localStorage.removeItem('kolo:v1:outbox');
    }
  });

  it('shares state between widgets of the same id on one page', async () => {
    const storage = memoryStorage();
    const shared = localAdapter({ storage });
    const a = await pollFrom(`<kolo-poll poll-id="twin" results="always">${OPTIONS}</kolo-poll>`, shared);
    const b = await pollFrom(`<kolo-poll poll-id="twin" results="always">${OPTIONS}</kolo-poll>`, shared);
    await vote(a, 'video');
    await waitUntil(() => hasState(b, 'voted'), 'twin updated');
    expect(textOf(b, '[part~="total"]')).to.equal('1 vote');
  });
});
