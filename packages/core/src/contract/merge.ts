/**
 * Merging views: a partial one into the last whole one, a board's next page into the pages before
 * it. Apart from `views.ts`, so browser code that merges views (the idea store, the HTTP adapter)
 * does not carry the contract's schemas and the parts of zod they use (+2.4 KB brotli on every page
 * when the HTTP adapter took `mergeView` from there). Not in the package's main entry either: a
 * bundler splitting code moves a file that the lazily loaded HTTP adapter uses into the chunk every
 * page loads once the main entry reaches it (+250 B). Exported by `@kolo/core/http`.
 */
import type { View } from './views.ts';

/** The view after a partial one (a whole view replaces the last). */
export function mergeView(board: boolean, last: View, v: View): View {
  if (!v.partial) return v;
  if (!board) return { ...last, counts: v.counts, voters: v.voters };
  const ideas = v.ideas ?? [];
  const touched = new Set([...ideas.map((i) => i.id), ...(v.removed ?? [])]);
  const counts = { ...last.counts };
  for (const id of touched) delete counts[id];
  const kept = (last.ideas ?? []).filter((i) => !v.removed?.includes(i.id));
  // a public update does not know who wrote an idea: this voter's own stay theirs
  const merged = kept.map((i) => ({ ...(ideas.find((n) => n.id === i.id) ?? i), own: i.own }));
  return {
    ...last,
    counts: Object.assign(counts, v.counts),
    voters: v.voters,
    mine: v.partial === 'voter' ? [...last.mine.filter((id) => !touched.has(id)), ...v.mine] : last.mine.filter((id) => !v.removed?.includes(id)),
    ideas: [...merged, ...ideas.filter((n) => !kept.some((i) => i.id === n.id))],
  };
}

/** A board's next page added to the pages before it (`last`): its ideas after theirs, counts and upvotes merged, its `next`. */
export const appendPage = (last: View, page: View): View => ({ ...mergeView(true, last, { ...page, partial: 'voter' }), next: page.next });
