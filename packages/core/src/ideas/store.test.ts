import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendPage } from '../contract/merge.ts';
import { KoloError, TYPING_PAUSE, boardPages, createIdeaStore, similarPart, memoryAdapter, ideaRules, withUpvote, type BoardPageQuery, type IdeaBoardConfig, type KoloAction, type KoloAdapter, type View } from '../index.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));
const board: IdeaBoardConfig = { id: 'roadmap', minFillSeconds: 0 };
const long = new Date(Date.now() - 60_000);

describe('idea store', () => {
  const store = (adapter: KoloAdapter, voter = 'v1', cfg: IdeaBoardConfig = board) => {
    const s = createIdeaStore(adapter, cfg, voter);
    const stop = s.$view.listen(() => {});
    return { s, stop };
  };

  it('submits and returns the stored idea with its status', async () => {
    const a = memoryAdapter();
    const { s } = store(a, 'v1', { ...board, moderated: true });
    await settle();
    const idea = await s.submit({ title: '  Night   buses on weekends ', contact: 'me@example.com' }, { honeypot: '', startedAt: long });
    expect(idea).toMatchObject({ title: 'Night buses on weekends', status: 'pending', own: true });
    expect(s.$view.get().pending).toBe(null);
  });

  it('upvotes optimistically and rolls back when refused', async () => {
    let fail = false;
    const inner = memoryAdapter({ rules: [ideaRules] }); // a wrapper does not pass `addRules` on
    const a: KoloAdapter = {
      load: (w, v) => inner.load(w, v),
      send: (x) => (fail ? Promise.reject(new KoloError('network')) : inner.send(x)),
      subscribe: inner.subscribe!.bind(inner),
    };
    const { s } = store(a);
    await settle();
    const idea = await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long });
    const { s: other } = store(a, 'v2');
    await settle();
    const p = other.upvote(idea!.id, true);
    expect(other.$view.get().tally.counts[idea!.id]).toBe(2);
    expect(await p).toBe(true);
    // the author's store saw it live
    expect(s.$view.get().tally.counts[idea!.id]).toBe(2);
    fail = true;
    const q = other.upvote(idea!.id, false);
    expect(other.$view.get().tally.counts[idea!.id]).toBe(1);
    expect(await q).toBe(false);
    expect(other.$view.get().tally.counts[idea!.id]).toBe(2);
    expect(other.$view.get().error?.code).toBe('network');
  });

  it('withUpvote changes nothing when the upvote is already as asked', () => {
    const t = { counts: { a: 1 }, voters: 1, mine: ['a'] };
    expect(withUpvote(t, 'a', true)).toBe(t);
    // taking back one's only upvote leaves one voter fewer, as the adapters count it
    expect(withUpvote(t, 'a', false)).toEqual({ counts: { a: 0 }, voters: 0, mine: [] });
    // the rest of the view (the ideas) stays
    const ideas = [{ id: 'a', title: 'An idea', status: 'review' as const, createdAt: '2026-01-01T00:00:00Z', own: false }];
    expect(withUpvote({ ...t, ideas }, 'a', false).ideas).toBe(ideas);
  });

  it('keeps ideas and questions with the same id apart', async () => {
    const a = memoryAdapter();
    const { s } = store(a);
    const { s: q } = store(a, 'v1', { ...board, kind: 'question' });
    await settle();
    await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long });
    await settle();
    expect(q.$view.get().tally.ideas ?? []).toEqual([]);
    expect(q.widget).toEqual({ kind: 'questions', id: 'roadmap' });
  });

  it('sends the form token of its latest load with an idea, also after live updates', async () => {
    const inner = memoryAdapter({ rules: [ideaRules] });
    const sent: KoloAction[] = [];
    let live: ((v: View) => void) | undefined;
    let loads = 0;
    const a: KoloAdapter = {
      // a server's answer to loading a board carries a token; live updates do not
      load: async (w, v) => ({ ...(await inner.load(w, v)), form: `token-${++loads}` }),
      send: (x) => (sent.push(x), inner.send(x)),
      subscribe: (_w, _v, fn) => ((live = fn), () => {}),
    };
    const { s } = store(a);
    await settle();
    live!({ counts: {}, voters: 0, mine: [] });
    await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long });
    await s.reload();
    await s.submit({ title: 'Night buses on weekends' }, { honeypot: '', startedAt: long });
    expect(sent.map((x) => (x.type === 'idea' ? x.form : null))).toEqual(['token-1', 'token-2']);
  });

  it('sends no token where the adapter gives none (memory and local adapters check startedAt)', async () => {
    const inner = memoryAdapter({ rules: [ideaRules] });
    const sent: KoloAction[] = [];
    const { s } = store({ load: (w, v) => inner.load(w, v), send: (x) => (sent.push(x), inner.send(x)) });
    await settle();
    expect(await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long })).not.toBe(null);
    expect(sent[0]!.type === 'idea' && sent[0]!.form).toBeUndefined();
  });
});

/** A paging adapter whose every load waits until the test answers it (`answer(i, view)`, `fail(i)`). */
function pagingAdapter() {
  const asked: { q: BoardPageQuery; answer: (v: View) => void; fail: (e: Error) => void }[] = [];
  const titles: string[] = [];
  const adapter: KoloAdapter = {
    load: (_w, _v, q = {}) => new Promise<View>((answer, fail) => void asked.push({ q, answer, fail })),
    send: () => Promise.resolve({ partial: 'voter', counts: { b: 6 }, voters: 3, mine: ['b'], ideas: [idea('b')] }),
    similar: async (_w, _v, title) => (titles.push(title), { counts: { z: 4 }, voters: 3, mine: [], ideas: [idea('z')] }),
  };
  return { adapter, asked, titles };
}
const idea = (id: string) => ({ id, title: `Idea ${id}`, status: 'review' as const, createdAt: '2026-10-01T09:00:00Z', own: false });
const pageOf = (ids: string[], next?: string): View => ({ counts: Object.fromEntries(ids.map((id) => [id, 5])), voters: 3, mine: [], ideas: ids.map(idea), ...(next ? { next } : {}) });
const ids = (v: View) => (v.ideas ?? []).map((i) => i.id);

describe('idea store on a paging adapter', () => {
  afterEach(() => vi.useRealTimers());

  it('loads the query the widget asked for, each page after the last, and only the latest answer', async () => {
    vi.useFakeTimers();
    const { adapter, asked } = pagingAdapter();
    const s = createIdeaStore(adapter, { ...board, pageSize: 10 }, 'v1', boardPages);
    s.query({ sort: 'new' }); // before the first load: it asks for this
    s.$view.listen(() => {});
    expect(asked.map((a) => a.q)).toEqual([{ limit: 10, sort: 'new' }]);
    asked[0]!.answer(pageOf(['a', 'b'], 'c1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.$view.get()).toMatchObject({ status: 'ready', paged: true, busy: false });

    // a filter loads at once; a search once typing pauses, only the last words
    s.query({ sort: 'new', status: 'planned' });
    expect(asked[1]!.q).toEqual({ limit: 10, sort: 'new', status: 'planned' });
    s.query({ sort: 'new', status: 'planned', search: 'da' });
    s.query({ sort: 'new', status: 'planned', search: 'dark' });
    expect(asked).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE);
    expect(asked.map((a) => a.q.search)).toEqual([undefined, undefined, 'dark']);
    // the search answers first, the older filter's answer comes late: it is ignored
    asked[2]!.answer(pageOf(['d'], 'd1'));
    await vi.advanceTimersByTimeAsync(0);
    asked[1]!.answer(pageOf(['stale']));
    await vi.advanceTimersByTimeAsync(0);
    expect(ids(s.$view.get().tally)).toEqual(['d']);

    // the next page continues the query shown, with its cursor; the adapter answers all pages so far
    const more = s.more();
    expect(s.$view.get().busy).toBe(true);
    expect(await s.more()).toBe(false); // one at a time
    expect(asked[3]!.q).toEqual({ limit: 10, sort: 'new', status: 'planned', search: 'dark', cursor: 'd1' });
    asked[3]!.answer(appendPage(pageOf(['d'], 'd1'), pageOf(['e'])));
    expect(await more).toBe(true);
    expect(ids(s.$view.get().tally)).toEqual(['d', 'e']);
    expect(await s.more()).toBe(false); // no `next`: nothing more
    expect(asked).toHaveLength(4);
  });

  it('shows a failed page load as a load error, and a retry loads the current query again', async () => {
    const { adapter, asked } = pagingAdapter();
    const s = createIdeaStore(adapter, board, 'v1', boardPages);
    s.$view.listen(() => {});
    asked[0]!.answer(pageOf(['a'], 'c1'));
    await settle();
    const more = s.more();
    asked[1]!.fail(new KoloError('network'));
    expect(await more).toBe(false);
    expect(s.$view.get()).toMatchObject({ status: 'error', busy: false, error: { code: 'network' } });
    s.query({ sort: 'new' });
    void s.reload();
    expect(asked.map((a) => a.q.sort)).toEqual([undefined, undefined, 'new', 'new']);
    asked[3]!.answer(pageOf(['n']));
    await settle();
    asked[2]!.answer(pageOf(['stale']));
    await settle();
    expect(s.$view.get()).toMatchObject({ status: 'ready', error: null });
    expect(ids(s.$view.get().tally)).toEqual(['n']);
  });

  it('loads nothing for a query where every idea is loaded (no `next`): the widget filters', async () => {
    const { adapter, asked } = pagingAdapter();
    const s = createIdeaStore(adapter, board, 'v1', boardPages);
    s.$view.listen(() => {});
    asked[0]!.answer(pageOf(['a', 'b']));
    await settle();
    s.query({ sort: 'new', status: 'done' });
    expect(asked).toHaveLength(1);
    expect(s.$view.get().paged).toBe(false);
  });

  it('merges an upvote’s answer (only that idea) into the ideas loaded, and asks the adapter for similar ideas', async () => {
    vi.useFakeTimers();
    const { adapter, asked, titles } = pagingAdapter();
    const s = createIdeaStore(adapter, board, 'v1', similarPart);
    s.$view.listen(() => {});
    asked[0]!.answer(pageOf(['a', 'b', 'c'], 'c1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(await s.upvote('b', true)).toBe(true);
    expect(s.$view.get().tally).toMatchObject({ counts: { a: 5, b: 6, c: 5 }, mine: ['b'], next: 'c1' });
    expect(ids(s.$view.get().tally)).toEqual(['a', 'b', 'c']);
    s.similar('dark');
    s.similar('dark mode');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE);
    expect(titles).toEqual(['dark mode']);
    expect(s.$view.get().similar).toEqual(['z']);
    expect(s.$view.get().tally.counts.z).toBe(4);
  });
});
