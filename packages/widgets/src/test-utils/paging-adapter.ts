/** A board served a page at a time, as Kolo's server serves it, for stories and tests. No test-runner imports here. */
import {
  boardList,
  emptyView,
  PUBLIC_STATUSES,
  similarIdeas,
  type BoardPageQuery,
  type Idea,
  type KoloAdapter,
  type SeedIdea,
  type View,
} from '@kolo/core';
import { appendPage, mergeView } from '@kolo/core/http';
import { ideaAdapter } from './adapters.ts';

const TOPICS = ['Dark mode', 'Offline maps', 'Bus alerts', 'Export trips', 'Bike lanes', 'Night buses', 'Ticket prices', 'Stop names', 'Route planner', 'Step-free stations'];

/**
 * `n` public ideas: idea `i` is titled "<topic> no. <i>" (topics in turn), has status and category in
 * turn, `n - i` upvotes, and is newer than idea `i - 1`: the most upvoted order is i0, i1…, the newest i(n-1)…
 */
export function manyIdeas(n: number): { ideas: SeedIdea[]; counts: Record<string, number> } {
  const ideas = Array.from({ length: n }, (_, i): SeedIdea => ({
    id: `i${i}`,
    title: `${TOPICS[i % TOPICS.length]} no. ${i}`,
    category: i % 2 ? 'web' : 'app',
    status: PUBLIC_STATUSES[i % PUBLIC_STATUSES.length]!,
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
  }));
  return { ideas, counts: Object.fromEntries(ideas.map((x, i) => [x.id, n - i])) };
}

/** The part of a whole board's view that holds `ideas`. */
const only = (whole: View, ideas: Idea[]): View => {
  const ids = new Set(ideas.map((i) => i.id));
  return { counts: Object.fromEntries(Object.entries(whole.counts).filter(([id]) => ids.has(id))), voters: whole.voters, mine: whole.mine.filter((id) => ids.has(id)), ideas };
};

/**
 * An adapter that pages like the HTTP adapter on Kolo's server: `load` answers `limit` (20) ideas of
 * the query in its order with a `next` cursor, a load with a cursor the pages so far; `similar` finds
 * among every idea; an upvote's or an idea's answer holds only that idea (a partial view); `live(v)`
 * pushes a partial live update; `hold(search)` keeps the answers for that search until released;
 * `broken` makes loads fail. `loads` and `similarAsked` record what was asked, `answered` counts answers.
 */
export function pagingAdapter(n = 300, id = 'roadmap') {
  const { ideas, counts } = manyIdeas(n);
  const base = ideaAdapter(id, 'ideas', ideas, counts);
  const last = new Map<string, View>();
  const listeners = new Set<{ voter: string; fn: (v: View) => void }>();
  const held = new Map<string, Promise<void>>();
  const keep = (voter: string, v: View) => (last.set(voter, v), v);
  const a = {
    loads: [] as BoardPageQuery[],
    similarAsked: [] as string[],
    answered: 0,
    broken: false,
    async load(w, voter, q = {}) {
      a.loads.push(q);
      await held.get(q.search ?? '');
      a.answered++;
      if (a.broken) throw new TypeError('Failed to fetch');
      const whole = await base.load(w, voter);
      const list = boardList(whole.ideas ?? [], whole.counts, q);
      const from = Number(q.cursor ?? 0);
      const to = from + (q.limit ?? 20);
      const page = { ...only(whole, list.slice(from, to)), ...(to < list.length ? { next: String(to) } : {}) };
      return keep(voter, q.cursor ? appendPage(last.get(voter) ?? emptyView(), page) : page);
    },
    async send(action) {
      const whole = await base.send(action);
      if (action.type !== 'upvote' && action.type !== 'idea') return whole;
      const idea = action.type === 'upvote' ? action.idea : action.id;
      const answer: View = { ...only(whole, (whole.ideas ?? []).filter((i) => i.id === idea)), partial: 'voter' };
      keep(action.voter, mergeView(true, last.get(action.voter) ?? emptyView(), answer));
      return answer;
    },
    subscribe(_w, voter, fn) {
      const l = { voter, fn };
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async similar(w, voter, title) {
      a.similarAsked.push(title);
      const whole = await base.load(w, voter);
      return only(whole, similarIdeas(title, whole.ideas ?? [], whole.counts));
    },
    /** Push a live update (a partial public view) to every listener, merged into its last view. */
    live(update: View) {
      for (const l of listeners) l.fn(keep(l.voter, mergeView(true, last.get(l.voter) ?? emptyView(), update)));
    },
    /** Keep the answers to loads searching `search` until the returned function is called. */
    hold(search: string): () => void {
      let go = () => {};
      held.set(search, new Promise<void>((r) => (go = r)));
      return () => (held.delete(search), go());
    },
  } satisfies KoloAdapter & Record<string, unknown>;
  return a;
}
