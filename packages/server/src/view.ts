/**
 * A widget as one voter sees it: its counters and voters (from one statement, so they agree), the
 * voter's own ballot or upvotes, a quiz's graded answers, a board's public ideas.
 */
import { LIMITS, isBoardKind, viewSchema, visibleOnly, type Idea, type IdeaStatus, type View } from '@kolo/core';
import type { Queryable, Row } from './db/types.ts';
import { splitVoters } from './db/counters.ts';
import { iso, json } from './db/values.ts';
import { boardPage, type PageQuery } from './boards/page.ts';
import { similarRows } from './boards/similar.ts';

/** A board's first page by upvotes: what a board's view holds when no page is asked for. */
export const FIRST_PAGE: PageQuery = { order: 'top', limit: LIMITS.boardPage };

/** The widget's view as `voter` sees it; a board's holds one page of its ideas (`page`, or the first by upvotes). */
export async function view(q: Queryable, kind: string, widget: string, voter: string, page: PageQuery = FIRST_PAGE): Promise<View> {
  if (isBoardKind(kind)) return board(q, await tally(q, kind, widget), kind, widget, voter, page);
  // one statement, the same function the actions answer with (migration 0007)
  const [r] = await q.query<{ v: unknown }>('select kolo_view($1, $2, $3) as v', [kind, widget, voter], { prepare: true });
  return json(r!.v) as View;
}

/** A widget's counters above zero and its voters (one statement, so they agree; a board's counters hold only its voters), nobody's choices. */
export async function tally(q: Queryable, kind: string, widget: string): Promise<View> {
  const [w] = await q.query<{ counts: unknown }>(
    `select json_object_agg(choice, n) as counts from (select choice, sum(n)::int as n from kolo_counts where kind = $1 and widget = $2 group by choice) c where n > 0`,
    [kind, widget],
  );
  return { ...splitVoters(w?.counts), mine: [] };
}

/** A board's ideas like `title` (./boards/similar.ts) as a small view: their counts, this voter's upvotes among them. */
export async function similarView(q: Queryable, kind: string, board: string, voter: string, title: string): Promise<View> {
  const [t, rows] = await Promise.all([tally(q, kind, board), similarRows(q, kind, board, voter, title)]);
  return ideasView(t, rows, voter);
}

/**
 * A tally checked against the protocol before it goes out. The counts go out as they are: a choice
 * id is data, and zod's record would drop one named `__proto__`.
 */
export const checked = (t: View) => ({ ...viewSchema.parse(t), counts: t.counts });

/**
 * A board adds a page of the ideas this voter may see (./boards/page.ts), their counts and this voter's
 * upvotes among them, and the cursor of the next page.
 */
async function board(q: Queryable, t: View, kind: string, widget: string, voter: string, page: PageQuery): Promise<View> {
  const { rows, next } = await boardPage(q, kind, widget, voter, page);
  if (next) t.next = next;
  return ideasView(t, rows, voter);
}

/** `t` with `rows` as its ideas: their counts, and this voter's upvotes among them (rows with `mine`). */
export function ideasView(t: View, rows: Row[], voter: string): View {
  t.ideas = rows.map(toIdea(voter));
  t.mine = rows.filter((r) => r.mine === true).map((r) => String(r.id));
  for (const r of rows) if (Number(r.votes) > 0) t.counts[String(r.id)] = Number(r.votes);
  return visibleOnly(t, t.ideas);
}

/** An idea row as `voter` sees it (`own` when they wrote it). */
export const toIdea =
  (voter: string) =>
  (r: Row): Idea => {
    const idea: Idea = { id: String(r.id), title: String(r.title), status: r.status as IdeaStatus, createdAt: iso(r.created_at), own: !!r.author && r.author === voter };
    for (const k of ['details', 'category', 'answer', 'link', 'reason'] as const) if (r[k]) idea[k] = String(r[k]);
    return idea;
  };
