import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { KoloError, memoryAdapter, type KoloAdapter } from '@kolo/core';
import '../../define/kolo-reactions.ts';
import { KoloReactions } from './reactions.ts';
import { anchoring } from '../../popover/popover.ts';
import { $, castVote, mount, $$, hasState, textOf } from '../../test-utils/helpers.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';
import { outlinedFromPage, valueParts } from '../../test-utils/theme-suite.ts';

const reactionsFrom = (markup: string, adapter?: KoloAdapter) => mount('kolo-reactions', markup, adapter);
const row = (el: KoloReactions) => $$<HTMLButtonElement>(el, '[part~="reaction"]');
const named = (el: KoloReactions) => row(el).map((b) => b.getAttribute('aria-label'));
const popover = (el: KoloReactions) => $<HTMLElement>(el, '[part~="popover"]')!;
const isOpen = (el: KoloReactions) => popover(el).matches(':popover-open');
async function openMore(el: KoloReactions) {
  $<HTMLButtonElement>(el, '[part~="more-button"]')!.click();
  await waitUntil(() => isOpen(el) && popover(el).dataset.anchored, 'popover placed', { timeout: 3000 });
}

widgetSuite({
  tag: 'kolo-reactions',
  ctor: KoloReactions,
  render: (adapter) => html`<kolo-reactions .adapter=${adapter} reactions-id="shared"></kolo-reactions>`,
  attributes: [
    ['reactions-id', 'reactionsId', 'r1', 'r1'],
    ['label', 'label', 'React to this post', 'React to this post'],
    ['reactions', 'reactions', '👍 ❤️', '👍 ❤️'],
    ['more', 'more', '🔥', '🔥'],
    ['theme', 'theme', 'dark', 'dark'],
  ],
  labels: { en: 'thumbs up, 0', uk: 'палець угору, 0' },
  read: (el) => $$(el, 'button').map((b) => b.getAttribute('aria-label')).join(' | '),
});

describe('<kolo-reactions>', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('exposes each reaction by its value to page CSS, and this person’s', async () => {
    const el = await reactionsFrom(`<kolo-reactions reactions-id="parts" reactions="👍 ❤️" more="🔥"></kolo-reactions>`);
    expect(valueParts(el, 'reaction')).to.deep.equal(['value-thumbs-up', 'value-heart']);
    expect(valueParts(el, 'pick')).to.deep.equal(['value-fire']);
    expect(outlinedFromPage(el, 'reaction value-heart', 'value-heart')).to.equal('rgb(1, 2, 3)');
    row(el)[1]!.click();
    await waitUntil(() => hasState(el, 'voted') && !hasState(el, 'pending'), 'reacted', { timeout: 3000 });
    expect($(el, '[part~="reaction-mine"]')!.part.contains('value-heart')).to.equal(true);
    expect(outlinedFromPage(el, 'reaction-mine')).to.equal('rgb(1, 2, 3)');
  });

  it('shows the author’s set, each with a name and a count, in a labelled group', async () => {
    const adapter = memoryAdapter({ seed: { 'reactions:post': { counts: { 'thumbs-up': 12, heart: 3 } } } });
    const el = await reactionsFrom(`<kolo-reactions reactions-id="post" label="React to this post" reactions="👍 ❤️ 🤔"></kolo-reactions>`, adapter);
    expect($(el, '[role="group"]')!.getAttribute('aria-label')).to.equal('React to this post');
    expect(named(el)).to.deep.equal(['thumbs up, 12', 'heart, 3', 'thinking, 0']);
    expect(row(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'false']);
    expect($$(el, '[part~="count"]').map((c) => c.textContent)).to.deep.equal(['12', '3']);
    await expect(el).to.be.accessible();
  });

  it('reacts, switches and removes with one reaction per person', async () => {
    const el = await reactionsFrom(`<kolo-reactions reactions-id="flip" reactions="👍 ❤️" campaign="c1"><a data-next-step href="https://example.org/faq">Read the FAQ</a></kolo-reactions>`);
    expect($$(el, '[part~="next-step"]')).to.have.length(0);
    row(el)[0]!.click();
    await waitUntil(() => named(el)[0] === 'thumbs up, 1');
    expect(row(el)[0]!.getAttribute('aria-pressed')).to.equal('true');
    expect(row(el)[0]!.getAttribute('part')).to.contain('reaction-mine');
    await waitUntil(() => textOf(el, '[part~="status"]') === 'You reacted: thumbs up.');
    const next = new URL($<HTMLAnchorElement>(el, '[part~="next-step"]')!.href);
    expect([next.searchParams.get('utm_content'), next.searchParams.get('utm_campaign')]).to.deep.equal(['flip', 'c1']);
    await expect(el).to.be.accessible();
    row(el)[1]!.click();
    await waitUntil(() => named(el).join() === 'thumbs up, 0,heart, 1');
    row(el)[1]!.click();
    await waitUntil(() => named(el).join() === 'thumbs up, 0,heart, 0');
    expect(hasState(el, 'voted')).to.equal(false);
    expect(textOf(el, '[part~="status"]')).to.equal('Your reaction was removed.');
  });

  it('is operable with the keyboard', async () => {
    const el = await reactionsFrom(`<kolo-reactions reactions-id="keys" reactions="👍 ❤️"></kolo-reactions>`);
    row(el)[0]!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => named(el)[1] === 'heart, 1');
  });

  it('rolls back an optimistic reaction the adapter refuses', async () => {
    let fail: (e: unknown) => void = () => {};
    const adapter: KoloAdapter = { ...memoryAdapter(), send: () => new Promise((_, rej) => (fail = rej)) };
    const el = await reactionsFrom(`<kolo-reactions reactions-id="rb" reactions="👍"></kolo-reactions>`, adapter);
    row(el)[0]!.click();
    await waitUntil(() => named(el)[0] === 'thumbs up, 1', 'optimistic');
    fail(new KoloError('network'));
    await waitUntil(() => named(el)[0] === 'thumbs up, 0', 'rolled back');
    expect(textOf(el, '[part~="error"]')).to.contain('the connection failed');
    await expect(el).to.be.accessible();
  });

  it('picks from a larger set in a popover, which then shows in the row', async () => {
    const el = await reactionsFrom(`<kolo-reactions reactions-id="more" reactions="👍" more="🔥 🚀"></kolo-reactions>`);
    const more = $<HTMLButtonElement>(el, '[part~="more-button"]')!;
    expect(more.getAttribute('aria-label')).to.equal('More reactions');
    await openMore(el);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(hasState(el, 'open')).to.equal(true);
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('pick value-fire');
    await expect(el).to.be.accessible();
    $$<HTMLButtonElement>(el, '[part~="pick"]')[1]!.click();
    await waitUntil(() => named(el).includes('rocket, 1'), 'rocket in the row');
    expect(isOpen(el)).to.equal(false);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('aria-label') === 'rocket, 1', 'focus on the new reaction');
  });

  it('closes the popover on Escape and on an outside click, returning focus', async () => {
    const el = await reactionsFrom(`<kolo-reactions reactions-id="close" reactions="👍" more="🔥"></kolo-reactions>`);
    const more = $<HTMLButtonElement>(el, '[part~="more-button"]')!;
    await openMore(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !isOpen(el), 'closed by Escape');
    expect(el.shadowRoot!.activeElement).to.equal(more);
    await openMore(el);
    await sendMouse({ type: 'click', position: [790, 590] });
    await waitUntil(() => !isOpen(el), 'closed by an outside click');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
  });

  for (const native of [true, false]) {
    it(`places the popover under its button, and above it at the bottom of the viewport (${native ? 'CSS anchor positioning' : '@floating-ui/dom fallback'})`, async () => {
      anchoring.native = native;
      try {
        await setViewport({ width: 800, height: 600 });
        const more = 'reactions="👍" more="🔥 🚀 💡 🙏 👀 💯 😍 🙌 🤝 👎 😡 😴 😂 👏 🤔"';
        const top = await reactionsFrom(`<div style="position: fixed; top: 4px; left: 8px"><kolo-reactions reactions-id="flip-down-${native}" ${more}></kolo-reactions></div>`);
        await openMore(top);
        expect(popover(top).dataset.anchored).to.equal(native ? 'css' : 'script');
        const below = $(top, '[part~="more-button"]')!.getBoundingClientRect();
        expect(popover(top).getBoundingClientRect().top).to.be.at.least(below.bottom);
        await sendKeys({ press: 'Escape' });

        const el = await reactionsFrom(`<div style="position: fixed; bottom: 4px; left: 8px"><kolo-reactions reactions-id="flip-up-${native}" ${more}></kolo-reactions></div>`);
        await openMore(el);
        const button = $(el, '[part~="more-button"]')!.getBoundingClientRect();
        const box = popover(el).getBoundingClientRect();
        expect(box.bottom).to.be.at.most(button.top);
        expect(box.top).to.be.at.least(0);
        expect(Math.abs(box.left - button.left)).to.be.below(40);
      } finally {
        anchoring.native = CSS.supports('position-area: block-end');
      }
    });
  }

  it('takes custom reactions from HTML lists and names them', async () => {
    const el = await reactionsFrom(`<kolo-reactions reactions-id="custom">
      <ul><li data-emoji="✅" data-value="agree">Agree</li><li data-emoji="❌" data-value="disagree">Disagree</li></ul>
    </kolo-reactions>`);
    expect(named(el)).to.deep.equal(['Agree, 0', 'Disagree, 0']);
    expect($$(el, '[part~="more-button"]')).to.have.length(0);
  });

  it('explains invalid content', async () => {
    const el = await reactionsFrom(`<kolo-reactions reactions-id="dup" reactions="👍 👍"></kolo-reactions>`);
    expect(hasState(el, 'invalid')).to.equal(true);
    expect(textOf(el, '[role="alert"]')).to.contain('reaction ids must be unique');
    await expect(el).to.be.accessible();
  });

  it('updates counts live and lets kolo-vote cancel a reaction', async () => {
    const adapter = memoryAdapter();
    const el = await reactionsFrom(`<kolo-reactions reactions-id="live" reactions="👍 ❤️"></kolo-reactions>`, adapter);
    const changed = oneEvent(el, 'kolo-change');
    await castVote(adapter, 'someone-else', { kind: 'reactions', id: 'live' }, ['heart'], ['thumbs-up', 'heart']);
    await changed;
    await waitUntil(() => named(el)[1] === 'heart, 1');
    el.addEventListener('kolo-vote', (e) => e.preventDefault(), { once: true });
    row(el)[0]!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(named(el)[0]).to.equal('thumbs up, 0');
  });

  it('names reactions in Ukrainian and works right to left', async () => {
    const el = await reactionsFrom(`<div lang="uk" dir="rtl"><kolo-reactions reactions-id="uk" reactions="👍 ❤️" more="🔥"></kolo-reactions></div>`);
    expect(named(el)).to.deep.equal(['палець угору, 0', 'серце, 0']);
    const [a, b] = row(el).map((x) => x.getBoundingClientRect());
    expect(a!.left).to.be.greaterThan(b!.left);
    await openMore(el);
    expect(popover(el).getAttribute('aria-label')).to.equal('Інші реакції');
    await expect(el).to.be.accessible();
  });
});
