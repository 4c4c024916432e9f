import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { KoloAdapter } from '@kolo/core';
import '../define/kolo-idea-form.ts';
import '../define/kolo-idea-board.ts';
import { $, hasState, ideaAdapter } from '../test-utils/helpers.ts';

/** Idea forms and boards as a page holds them: beside each other, in the page's direction or another. */

/** Put `markup` on the page, give every idea widget in it `adapter`, and wait until all are ready. */
async function page(markup: string, adapter: KoloAdapter = ideaAdapter()): Promise<HTMLElement> {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = markup;
  const widgets = [...wrapper.querySelectorAll<HTMLElement & { adapter: KoloAdapter }>('kolo-idea-form, kolo-idea-board')];
  for (const w of widgets) w.adapter = adapter;
  await fixture(html`<div>${wrapper}</div>`);
  await waitUntil(() => widgets.every((w) => hasState(w, 'ready')), 'all ready', { timeout: 3000 });
  return wrapper;
}

describe('idea widgets on a page', () => {
  afterEach(() => document.documentElement.removeAttribute('dir'));

  for (const [pageDir, formDir] of [
    ['ltr', 'rtl'],
    ['rtl', 'ltr'],
  ] as const) {
    it(`a ${formDir} form in a ${pageDir} page does not make the page scroll sideways`, async () => {
      document.documentElement.dir = pageDir;
      const wrapper = await page(`<kolo-idea-form board-id="roadmap" dir="${formDir}"></kolo-idea-form>`);
      const form = wrapper.querySelector('kolo-idea-form')!;
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
      // the honeypot is still there for bots, and still out of sight, out of reach
      const honeypot = $<HTMLInputElement>(form, '[name="website"]')!;
      const box = honeypot.closest('[aria-hidden="true"]')!;
      const { width, height } = box.getBoundingClientRect();
      expect(width * height).to.be.at.most(1);
      expect(getComputedStyle(box).overflow).to.equal('hidden');
      expect(honeypot.tabIndex).to.equal(-1);
    });
  }

  it('a form above its board lines up with it', async () => {
    const wrapper = await page(`<div style="inline-size: 90rem">
      <kolo-idea-form board-id="roadmap"></kolo-idea-form>
      <kolo-idea-board board-id="roadmap"></kolo-idea-board>
    </div>`);
    const form = wrapper.querySelector('kolo-idea-form')!.getBoundingClientRect();
    const board = wrapper.querySelector('kolo-idea-board')!.getBoundingClientRect();
    expect(board.width).to.equal(form.width);
    expect(board.left).to.equal(form.left);
    // the width every widget shares (40rem unless --kolo-max-width says otherwise)
    expect(form.width).to.equal(640);
  });

  it('two boards on a page have search landmarks told apart by name', async () => {
    const wrapper = await page(`<kolo-idea-board board-id="roadmap"><h2>Ideas for the app</h2></kolo-idea-board>
      <kolo-idea-board board-id="roadmap" kind="question"><h2>Questions for the team</h2></kolo-idea-board>`);
    // axe's landmark-unique: two search landmarks without a name are the same landmark twice
    await expect(wrapper).to.be.accessible();
    const [app, team] = [...wrapper.querySelectorAll('kolo-idea-board')].map((board) => {
      const search = $(board, '[role="search"]')!;
      const ids = search.getAttribute('aria-labelledby')!.split(' ');
      return ids.map((id) => $(board, `#${id}`)!.textContent).join(' ');
    });
    expect(app).to.equal('Ideas for the app');
    expect(team).to.equal('Questions for the team');
  });
});
