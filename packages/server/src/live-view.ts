/**
 * A widget's public partial view (`partial: 'public'`): what a live update carries, the same for every
 * subscriber, so it is computed once per change (see ./live.ts). It says nothing of anyone's choices
 * (`mine` is empty, no quiz `answers`), and a board's names no author and no contact.
 * - a poll, a quiz…: its counts and voters (one statement);
 * - a board: its voters and the ideas the change named that everyone may see (status public, not
 *   merged), with their counts from `kolo_ideas.votes`; `removed`, the named ideas no longer shown.
 *   A new idea still waiting for the team (pending, never handled) is left out of both: nobody
 *   but its author has seen it, and its id is not for others.
 */
import { PUBLIC_STATUSES, isBoardKind, type View } from '@kolo/core';
import type { Queryable } from './db/types.ts';
import { tally, toIdea } from './view.ts';

export async function publicView(q: Queryable, kind: string, widget: string, ideas: readonly string[]): Promise<View> {
  const t: View = { ...(await tally(q, kind, widget)), partial: 'public' };
  if (!isBoardKind(kind)) return t;
  t.counts = {};
  const rows = ideas.length
    ? await q.query(
        `select id, title, details, category, status, created_at, answer, link, reason, votes, merged_into, first_response_at from kolo_ideas
         where kind = $1 and board = $2 and id in (select json_array_elements_text($3::json))`,
        [kind, widget, JSON.stringify(ideas)],
      )
    : [];
  const shown = rows.filter((r) => r.merged_into == null && PUBLIC_STATUSES.includes(r.status as never));
  t.ideas = shown.map(toIdea(''));
  for (const r of shown) if (Number(r.votes) > 0) t.counts[String(r.id)] = Number(r.votes);
  const removed = ideas.filter((id) => {
    const r = rows.find((x) => x.id === id);
    return !shown.includes(r!) && !(r?.status === 'pending' && r.merged_into == null && r.first_response_at == null);
  });
  if (removed.length) t.removed = removed;
  return t;
}
