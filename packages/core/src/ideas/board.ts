import type { Idea, View } from '../contract/views.ts';
import { OPEN_STATUSES } from '../contract/statuses.ts';
import type { BoardPageQuery } from '../contract/adapter.ts';
import { sameStem, stemCache, stems } from './tokens.ts';
import { countOf } from '../contract/records.ts';

/** People may still upvote it (it is public and not finished). */
export const isOpen = (idea: Pick<Idea, 'status'>): boolean => OPEN_STATUSES.includes(idea.status);

export type IdeaSort = NonNullable<BoardPageQuery['sort']>;

export interface BoardQuery extends Omit<BoardPageQuery, 'cursor'> {
  lang?: string;
}

const titleStems = stemCache();
const allStems = stemCache();

const newest = (a: Idea, b: Idea) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

/**
 * What a board lists: filtered by status, category and search words (every word must match), sorted
 * by upvotes (`top`, newest first among equals) or by date (`new`). The author's own ideas that wait
 * for moderation come first, so they can see them. Stems are cached per idea, so typing in a board of
 * thousands of ideas re-tokenizes nothing.
 */
export function boardList(ideas: Idea[], counts: Record<string, number>, q: BoardQuery = {}): Idea[] {
  const lang = q.lang ?? 'en';
  const words = q.search ? stems(q.search, lang) : [];
  const list = ideas.filter((i) => {
    if (q.status && i.status !== q.status) return false;
    if (q.category && i.category !== q.category) return false;
    if (!words.length) return true;
    const own = allStems(i.id, `${i.title}\n${i.details ?? ''}`, lang);
    return words.every((w) => own.some((s) => sameStem(w, s)));
  });
  const waiting = (i: Idea) => (i.status === 'pending' || i.status === 'rejected' ? 0 : 1);
  return list.sort(
    (a, b) =>
      waiting(a) - waiting(b) || (q.sort === 'new' ? 0 : countOf(counts, b.id) - countOf(counts, a.id)) || newest(a, b),
  );
}

/**
 * Existing ideas whose titles share words with `title`: the best `limit` matches, most shared words
 * first. A title needs at least half of its words in common (one word for one- or two-word titles);
 * its last word may still be being typed, so it also matches as a prefix.
 */
export function similarIdeas(title: string, ideas: Idea[], counts: Record<string, number>, lang = 'en', limit = 3): Idea[] {
  const words = stems(title, lang);
  if (!words.length) return [];
  const last = words[words.length - 1]!;
  const need = Math.max(1, Math.ceil(words.length / 2));
  const scored: { idea: Idea; score: number }[] = [];
  for (const idea of ideas) {
    if (idea.status === 'rejected' || (idea.status === 'pending' && !idea.own)) continue;
    const own = titleStems(idea.id, idea.title, lang);
    let score = 0;
    for (const w of words) if (own.some((s) => sameStem(w, s) || (w === last && s.startsWith(w)))) score++;
    if (score >= need) scored.push({ idea, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || countOf(counts, b.idea.id) - countOf(counts, a.idea.id))
    .slice(0, limit)
    .map((s) => s.idea);
}

/**
 * A board's view keeps the counts and upvotes of the ideas this voter sees, nothing else: a waiting,
 * rejected or merged idea's id (and its upvotes) stays out of other people's views and live streams.
 * `voters` stays whole. The server and the memory and local adapters both filter with it.
 */
export function visibleOnly(view: View, ideas: readonly Pick<Idea, 'id'>[]): View {
  const seen = new Set(ideas.map((i) => i.id));
  for (const id of Object.keys(view.counts)) if (!seen.has(id)) delete view.counts[id];
  view.mine = view.mine.filter((id) => seen.has(id));
  return view;
}
