/**
 * Merging a partial view (see `partial` in ./views.ts) into the last whole one. Its own module, free
 * of the schemas, so the HTTP adapter's lazy chunk takes only this.
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
