// The board on an adapter that pages (as the HTTP adapter does on Kolo's server): what it shows is
// what the adapter answered, a page at a time; sort, filters and search ask the adapter.
import { expect, waitUntil } from '@open-wc/testing';
import { boardList, voterId } from '@kolo/core';
import '../../define/kolo-idea-board.ts';
import '../../define/kolo-idea-form.ts';
import type { KoloIdeaBoard } from './idea-board.ts';
import { $, $$, deepActive, hasState, mount, setValue, textOf } from '../../test-utils/helpers.ts';
import { manyIdeas, pagingAdapter } from '../../test-utils/paging-adapter.ts';

type Paging = ReturnType<typeof pagingAdapter>;
const boardOf = (a: Paging) =>
  mount('kolo-idea-board', `<kolo-idea-board board-id="roadmap"><h2>Roadmap</h2><ul data-categories><li data-value="app">App</li><li data-value="web">Website</li></ul></kolo-idea-board>`, a);
const titles = (el: KoloIdeaBoard) => $$(el, '[part~="idea-title"]').map((t) => t.textContent!);
const ids = (from: number, to: number, step = 1) => Array.from({ length: Math.ceil((to - from) / step) }, (_, k) => `no. ${from + k * step}`);
const numbers = (el: KoloIdeaBoard) => titles(el).map((t) => t.replace(/^.* (no\. \d+)$/, '$1'));
const upvoteOf = (el: KoloIdeaBoard, n: number) =>
  $$(el, '[part~="idea"]').find((li) => li.querySelector('[part~="idea-title"]')!.textContent!.endsWith(`no. ${n}`))!.querySelector<HTMLButtonElement>('[part~="upvote-button"]')!;
/** Every load asked so far (and, when given, one for `search`) has answered, and the board has rendered it. */
const settled = async (a: Paging, el: KoloIdeaBoard, search?: string) => {
  if (search !== undefined) await waitUntil(() => a.loads.at(-1)?.search === search, `search ${search} asked`);
  await waitUntil(() => a.answered === a.loads.length && !$(el, '[part~="base"]')!.matches('[aria-busy="true"]'), 'answered');
  await el.updateComplete;
};

describe('<kolo-idea-board> on a paging adapter', () => {
  it('shows the first page, and "show more" appends the next one with focus on its first idea', async () => {
    const a = pagingAdapter();
    const el = await boardOf(a);
    expect(a.loads).to.deep.equal([{ sort: 'top', status: '', category: '', search: '', limit: undefined }]);
    expect(numbers(el)).to.deep.equal(ids(0, 20));
    expect(textOf(el, '[part~="count"]')).to.equal('Showing the first 20');
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, '[part~="show-more"]')!.focus();
    $<HTMLButtonElement>(el, '[part~="show-more"]')!.click();
    await waitUntil(() => titles(el).length === 40, 'second page');
    expect(a.loads[1]).to.include({ sort: 'top', cursor: '20' });
    expect(numbers(el)).to.deep.equal(ids(0, 40));
    await el.updateComplete;
    expect(deepActive()).to.equal($$(el, '[part~="idea"]')[20]);
    expect(textOf(el, '[part~="count"]')).to.equal('Showing the first 40');
    await expect(el).to.be.accessible();
  });

  it('asks the adapter for another sort, a status, a category, a search, and shows its answer', async () => {
    const a = pagingAdapter();
    const el = await boardOf(a);
    await setValue(el, 'sort', 'new');
    await settled(a, el);
    expect(a.loads.at(-1)).to.include({ sort: 'new' });
    expect(numbers(el).slice(0, 3)).to.deep.equal(['no. 299', 'no. 298', 'no. 297']);
    await setValue(el, 'status', 'planned');
    await settled(a, el);
    expect(a.loads.at(-1)).to.include({ sort: 'new', status: 'planned' });
    expect(numbers(el)).to.deep.equal(ids(296, 196, -5));
    await setValue(el, 'category', 'web');
    await settled(a, el);
    // planned (i % 5 = 1) and web (odd): i % 10 = 1
    expect(numbers(el)).to.deep.equal(ids(291, 91, -10));
    expect(textOf(el, '[part~="count"]')).to.equal('Showing the first 20');
    await setValue(el, 'status', '');
    await setValue(el, 'category', '');
    await setValue(el, 'sort', 'top');
    await setValue(el, 'search', 'step-free');
    await settled(a, el, 'step-free');
    expect(a.loads.at(-1)).to.include({ sort: 'top', search: 'step-free', status: '', category: '' });
    // the search matched 30 ideas: the first page of them, with more to come
    expect(numbers(el)).to.deep.equal(ids(9, 209, 10));
    expect(titles(el).every((t) => t.startsWith('Step-free stations'))).to.equal(true);
    $<HTMLButtonElement>(el, '[part~="show-more"]')!.click();
    await settled(a, el);
    expect(numbers(el)).to.deep.equal(ids(9, 309, 10));
    expect(textOf(el, '[part~="count"]')).to.equal('Showing 30 of 30');
    expect($(el, '[part~="show-more"]')).to.equal(null);
    await expect(el).to.be.accessible();
    await setValue(el, 'search', 'teleporter');
    await settled(a, el, 'teleporter');
    expect(titles(el)).to.deep.equal([]);
    expect(textOf(el, '[part~="count"]')).to.equal('Nothing matches. Try other words or filters.');
    expect(hasState(el, 'empty')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('searches once typing pauses, and a late answer to an older search is ignored', async () => {
    const a = pagingAdapter();
    const el = await boardOf(a);
    const release = a.hold('bike');
    await setValue(el, 'search', 'bi');
    await setValue(el, 'search', 'bike');
    await waitUntil(() => a.loads.some((q) => q.search === 'bike'), 'bike asked');
    expect(a.loads.map((q) => q.search)).to.deep.equal(['', 'bike']);
    await setValue(el, 'search', 'night');
    await waitUntil(() => titles(el)[0]?.startsWith('Night buses'), 'night shown');
    release();
    await settled(a, el);
    expect(titles(el).every((t) => t.startsWith('Night buses'))).to.equal(true);
    expect(numbers(el)[0]).to.equal('no. 5');
  });

  it('keeps the order when an upvote or a live update changes counts, adds live ideas, drops removed ones', async () => {
    const a = pagingAdapter();
    const el = await boardOf(a);
    const before = numbers(el);
    upvoteOf(el, 7).click();
    await waitUntil(() => !hasState(el, 'pending'), 'upvoted');
    expect(upvoteOf(el, 7).getAttribute('aria-pressed')).to.equal('true');
    expect(upvoteOf(el, 7).getAttribute('aria-label')).to.contain('294 upvotes');
    a.live({ partial: 'public', counts: { i12: 1000 }, voters: 2, mine: [], ideas: [] });
    await waitUntil(() => upvoteOf(el, 12).getAttribute('aria-label')!.includes('1,000 upvotes'), 'live count');
    // counts changed, the ideas did not: nothing moved away from the pointer
    expect(numbers(el)).to.deep.equal(before);
    const fresh = { id: 'fresh', title: 'Live idea no. 999', status: 'review' as const, createdAt: new Date().toISOString(), own: false };
    a.live({ partial: 'public', counts: { fresh: 2000 }, voters: 3, mine: [], ideas: [fresh], removed: ['i3'] });
    await waitUntil(() => titles(el).length === 20 && numbers(el)[0] === 'no. 999', 'live idea');
    // ideas came and went: sorted again (idea 7, upvoted to 294 like idea 6, is the newer of the two)
    expect(numbers(el)).to.deep.equal(['no. 999', 'no. 12', ...ids(0, 3), 'no. 4', 'no. 5', 'no. 7', 'no. 6', ...ids(8, 12), ...ids(13, 20)]);
    // this voter's upvote stays theirs through public updates
    expect(upvoteOf(el, 7).getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '[part~="show-more"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a page that failed to load as a load error with focus on retry, which loads the query again', async () => {
    const a = pagingAdapter();
    const el = await boardOf(a);
    a.broken = true;
    $<HTMLButtonElement>(el, '[part~="show-more"]')!.click();
    await waitUntil(() => hasState(el, 'error'), 'error');
    await el.updateComplete;
    expect(deepActive()).to.equal($(el, '[part~="retry-button"]'));
    await expect(el).to.be.accessible();
    a.broken = false;
    $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
    await waitUntil(() => hasState(el, 'ready'), 'ready');
    expect(a.loads.at(-1)!.cursor).to.equal(undefined);
    expect(numbers(el)).to.deep.equal(ids(0, 20));
  });
});

describe('<kolo-idea-board> on a Kolo server named in HTML', () => {
  it('asks the server for a page of the query at a time, through the HTTP adapter', async () => {
    const real = window.fetch;
    const asked: string[] = [];
    const { ideas, counts } = manyIdeas(50);
    const all = ideas.map((i) => ({ ...i, own: false }));
    // the server: one page of the query (parameters as in the contract), with the next page's cursor
    window.fetch = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      if (url.pathname === '/v1/events') return new Response(new ReadableStream({ start() {} }), { headers: { 'content-type': 'text/event-stream' } });
      asked.push(url.pathname.replace('/v1/widgets/ideas/remote', '') + url.search);
      const p = url.searchParams;
      const list = boardList(all, counts, { sort: p.get('sort') === 'new' ? 'new' : 'top', search: p.get('q') ?? '' });
      const from = Number(p.get('cursor') ?? 0);
      const page = list.slice(from, from + 20);
      const next = from + 20 < list.length ? { next: String(from + 20) } : {};
      const view = { counts: Object.fromEntries(page.map((i) => [i.id, counts[i.id]])), voters: 9, mine: [], ideas: page, ...next };
      return new Response(JSON.stringify(view), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    try {
      const el = await mount('kolo-idea-board', `<kolo-idea-board kolo-adapter="https://kolo.example" board-id="remote"></kolo-idea-board>`, 'default');
      expect(asked).to.deep.equal(['?sort=top']);
      expect(numbers(el)).to.deep.equal(ids(0, 20));
      $<HTMLButtonElement>(el, '[part~="show-more"]')!.click();
      await waitUntil(() => titles(el).length === 40, 'second page');
      expect(asked[1]).to.equal('?sort=top&cursor=20');
      expect(numbers(el)).to.deep.equal(ids(0, 40));
      await setValue(el, 'sort', 'new');
      await waitUntil(() => numbers(el)[0] === 'no. 49', 'newest first');
      expect(asked[2]).to.equal('?sort=new');
      expect(titles(el)).to.have.length(20);
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = real;
    }
  });
});

describe('<kolo-idea-form> on a paging adapter', () => {
  it('asks the adapter for similar ideas once typing pauses, among every idea, to upvote instead', async () => {
    const a = pagingAdapter();
    const el = await mount('kolo-idea-form', `<kolo-idea-form board-id="roadmap" min-fill-seconds="0"></kolo-idea-form>`, a);
    await setValue(el, 'title', 'Bus a');
    await setValue(el, 'title', 'Bus alerts everywhere');
    await waitUntil(() => $$(el, '[part~="similar-idea"]').length === 3, 'similar');
    expect(a.similarAsked).to.deep.equal(['Bus alerts everywhere']);
    // the form loaded the first page (ideas 0-19): idea 22 came from the adapter, with its upvotes
    const items = $$(el, '[part~="similar-idea"]');
    expect(items.map((i) => i.querySelector('.title')!.textContent)).to.deep.equal(['Bus alerts no. 2', 'Bus alerts no. 12', 'Bus alerts no. 22']);
    expect(items[2]!.textContent).to.contain('278 upvotes');
    items[2]!.querySelector<HTMLButtonElement>('[part~="upvote-button"]')!.click();
    await waitUntil(() => $$(el, '[part~="similar-idea"]')[2]!.querySelector('[aria-pressed="true"]'), 'upvoted');
    expect($$(el, '[part~="similar-idea"]')[2]!.textContent).to.contain('279 upvotes');
    expect((await a.similar({ kind: 'ideas', id: 'roadmap' }, voterId(), 'Bus alerts no. 22')).mine).to.deep.equal(['i22']);
    await expect(el).to.be.accessible();
  });
});
