import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { memoryAdapter, moderateIdea, type KoloAdapter, type SeedIdea, type View } from '@kolo/core';
import '../../define/kolo-changelog.ts';
import { KoloChangelog } from './changelog.ts';
import { $, $$, deepActive, flakyAdapter, hasState, mount, textOf } from '../../test-utils/helpers.ts';
import { widgetSuite } from '../../test-utils/widget-suite.ts';

const done = (id: string, title: string, at: string, more: Partial<SeedIdea> = {}): SeedIdea => ({ id, title, status: 'done', createdAt: '2026-01-05T10:00:00Z', firstResponseAt: at, ...more });
const seed = () => ({
  'ideas:roadmap': {
    counts: { dark: 1, csv: 12 },
    ideas: [
      done('dark', 'Dark mode', '2026-11-03T10:00:00Z', { answer: 'It follows your system setting.', link: 'https://example.org/blog/dark' }),
      done('csv', 'Export to CSV', '2026-10-12T10:00:00Z', { link: 'javascript:alert(1)' }),
      { id: 'open', title: 'Offline mode', status: 'planned' as const, createdAt: '2026-11-04T10:00:00Z' },
    ],
  },
  'questions:ama': { counts: {}, ideas: [done('q1', 'Will there be an API?', '2026-11-01T10:00:00Z', { answer: 'Yes, in spring.' })] },
});
const BOARDS = 'ideas:roadmap questions:ama';
const logOf = (attrs = '', body = '<h3>You asked, we did</h3><p>What our users asked for.</p>', adapter: KoloAdapter = memoryAdapter({ seed: seed() })) =>
  mount('kolo-changelog', `<kolo-changelog changelog-id="shipped" boards="${BOARDS}" ${attrs}>${body}</kolo-changelog>`, adapter);
const titles = (el: Element) => $$(el, '[part~="entry-title"]').map((p) => p.textContent);

widgetSuite({
  tag: 'kolo-changelog',
  ctor: KoloChangelog,
  render: (adapter) => html`<kolo-changelog .adapter=${adapter} changelog-id="shared" boards="ideas:none"></kolo-changelog>`,
  attributes: [
    ['changelog-id', 'changelogId', 'c1', 'c1'],
    ['boards', 'boards', BOARDS, BOARDS],
    ['page-size', 'pageSize', '5', 5],
    ['heading-level', 'headingLevel', '3', 3],
  ],
  labels: { en: 'You asked, we did', uk: 'Ви просили — ми зробили' },
});

describe('<kolo-changelog>', () => {
  it('groups what shipped or was answered by month, newest first, with answer, safe link and how many asked', async () => {
    const el = await logOf('lang="en" campaign="spring"');
    expect(textOf(el, '[part~="heading"]')).to.equal('You asked, we did');
    expect($(el, '[part~="heading"]')!.getAttribute('aria-level')).to.equal('3');
    expect(textOf(el, '[part~="description"]')).to.equal('What our users asked for.');
    expect($$(el, '[part~="month-heading"]').map((h) => [h.textContent, h.getAttribute('aria-level')])).to.deep.equal([
      ['November 2026', '4'],
      ['October 2026', '4'],
    ]);
    expect(titles(el)).to.deep.equal(['Dark mode', 'Will there be an API?', 'Export to CSV']);
    expect($(el, '[part~="entry-title"]')!.getAttribute('aria-level')).to.equal('5');
    const links = $$<HTMLAnchorElement>(el, '[part~="announcement"]');
    expect(links).to.have.length(1);
    expect(new URL(links[0]!.href).searchParams.get('utm_campaign')).to.equal('spring');
    expect($$(el, '[part~="asked"]').map((p) => p.textContent)).to.deep.equal(['1 person asked for this', '12 people asked for this']);
    expect(textOf(el, '[part~="answer"]')).to.equal('It follows your system setting.');
    expect(hasState(el, 'ready')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('speaks Ukrainian with its plurals and month names, and reads right to left', async () => {
    const uk = await logOf('lang="uk"', '');
    expect(textOf(uk, '[part~="heading"]')).to.equal('Ви просили — ми зробили');
    expect(textOf(uk, '[part~="month-heading"]')).to.match(/листопад 2026/);
    expect($$(uk, '[part~="asked"]').map((p) => p.textContent)).to.deep.equal(['Про це просила 1 людина', 'Про це просили 12 людей']);
    await expect(uk).to.be.accessible();
    const ar = await logOf('lang="ar" dir="rtl"', '<h2>طلبتم، فنفّذنا</h2>');
    expect(getComputedStyle($(ar, '[part~="entry"]')!).borderRightStyle).to.equal('solid');
    await expect(ar).to.be.accessible();
  });

  it('shows an empty state, and an error with a working retry', async () => {
    const empty = await logOf('', '', memoryAdapter());
    expect(hasState(empty, 'empty')).to.equal(true);
    expect(textOf(empty, '[part~="empty"]')).to.contain('Nothing here yet');
    await expect(empty).to.be.accessible();
    const { adapter, heal } = flakyAdapter();
    const failed = await logOf('', '', adapter);
    expect(hasState(failed, 'error')).to.equal(true);
    await expect(failed).to.be.accessible();
    heal();
    $(failed, '[part~="retry-button"]')!.click();
    await waitUntil(() => hasState(failed, 'ready'));
  });

  it('says what is wrong with invalid content', async () => {
    const el = await mount('kolo-changelog', `<kolo-changelog changelog-id="x" boards="poll:format"></kolo-changelog>`);
    expect(hasState(el, 'invalid')).to.equal(true);
    expect(textOf(el, '[part~="error"]')).to.contain('must name a board');
    await expect(el).to.be.accessible();
  });

  it('shows more a page at a time from the keyboard, moving focus to the first new entry', async () => {
    const el = await logOf('page-size="2"');
    expect(titles(el)).to.deep.equal(['Dark mode', 'Will there be an API?']);
    $(el, '[part~="show-more"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => titles(el).length === 3);
    await waitUntil(() => deepActive()?.textContent === 'Export to CSV');
    expect($(el, '[part~="show-more"]')).to.equal(null);
  });

  it('follows live updates: an idea the team marks done appears at once', async () => {
    const adapter = memoryAdapter({ seed: seed() });
    const el = await logOf('', '', adapter);
    await moderateIdea(adapter, { id: 'roadmap' }, 'open', { status: 'done', answer: 'Shipped' }, 'team');
    await waitUntil(() => titles(el).includes('Offline mode'));
    await expect(el).to.be.accessible();
  });

  it('reads its pages from a server-like adapter, with the boards the server registered', async () => {
    const page = (entries: View['entries'], next?: string): View => ({ counts: {}, voters: 0, mine: [], entries, ...(next ? { next } : {}) });
    const asked: unknown[] = [];
    const adapter: KoloAdapter = {
      load: async (w, _v, q) => (asked.push([w, q]), q?.cursor ? page([{ board: 'ideas:x', id: 'b', title: 'Older', at: '2026-09-01T10:00:00Z', asked: 0 }]) : page([{ board: 'ideas:x', id: 'a', title: '<b>Newer</b>', at: '2026-10-01T10:00:00Z', asked: 2 }], 'c1')),
      send: () => Promise.reject(new Error('read only')),
    };
    const el = await mount('kolo-changelog', '<kolo-changelog changelog-id="srv"></kolo-changelog>', adapter);
    expect(titles(el)).to.deep.equal(['<b>Newer</b>']);
    $(el, '[part~="show-more"]')!.click();
    await waitUntil(() => titles(el).length === 2);
    expect(asked).to.deep.equal([
      [{ kind: 'changelog', id: 'srv' }, { cursor: undefined, limit: 20 }],
      [{ kind: 'changelog', id: 'srv' }, { cursor: 'c1', limit: 20 }],
    ]);
  });
});
