/**
 * A widget as one voter sees it: its counters and voters (from one statement, so they agree), the
 * voter's own ballot or upvotes, a quiz's graded answers, a board's public ideas.
 */
import { isBoardKind, viewSchema, visibleOnly, type Idea, type IdeaStatus, type View } from '@kolo/core';
import type { Queryable, Row } from './db/types.ts';
import { splitVoters } from './db/counters.ts';
import { iso, json } from './db/values.ts';

/** The widget's view as `voter` sees it. */
export async function view(q: Queryable, kind: string, widget: string, voter: string): Promise<View> {
  const t = await tally(q, kind, widget);
  if (isBoardKind(kind)) return board(q, t, kind, widget, voter);
  const [ballot] = await q.query<{ choices: unknown }>('select choices from kolo_ballots where kind = $1 and widget = $2 and voter = $3', [kind, widget, voter]);
  t.mine = ballot ? (json(ballot.choices) as string[]) : [];
  if (kind === 'quiz') {
    const answers = await q.query<{ question: string; choices: unknown; key: unknown; correct: boolean }>(
      'select question, choices, key, correct from kolo_answers where kind = $1 and widget = $2 and voter = $3',
      [kind, widget, voter],
    );
    if (answers.length) t.answers = Object.fromEntries(answers.map((a) => [a.question, { choices: json(a.choices) as string[], key: json(a.key) as string[], correct: a.correct }]));
  }
  return t;
}

/** A widget's counters above zero and its voters (one statement, so they agree), nobody's choices. */
export async function tally(q: Queryable, kind: string, widget: string): Promise<View> {
  const [w] = await q.query<{ counts: unknown }>(
    `select json_object_agg(choice, n) as counts from (select choice, sum(n)::int as n from kolo_counts where kind = $1 and widget = $2 group by choice) c where n > 0`,
    [kind, widget],
  );
  return { ...splitVoters(w?.counts), mine: [] };
}

/**
 * A tally checked against the protocol before it goes out. The counts go out as they are: a choice
 * id is data, and zod's record would drop one named `__proto__`.
 */
export const checked = (t: View) => ({ ...viewSchema.parse(t), counts: t.counts });

/** A board adds the voter's upvotes and the ideas: public ones, and the voter's own waiting or rejected ones (counts of those only). */
async function board(q: Queryable, t: View, kind: string, widget: string, voter: string): Promise<View> {
  t.mine = (await q.query<{ idea: string }>('select idea from kolo_upvotes where kind = $1 and board = $2 and voter = $3 order by idea', [kind, widget, voter])).map((r) => r.idea);
  const rows = await q.query(
    `select id, title, details, category, status, created_at, author, answer, link, reason, votes from kolo_ideas
     where kind = $1 and board = $2 and merged_into is null and (status not in ('pending', 'rejected') or author = $3)
     order by created_at, id`,
    [kind, widget, voter],
  );
  t.ideas = rows.map(toIdea(voter));
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
