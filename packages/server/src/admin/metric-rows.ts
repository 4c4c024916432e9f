/** What the metrics need for a time range, read with SQL aggregates where they can be. */
import type { IdeaStatus, SignalRow } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { iso, json } from '../db/values.ts';

/** The signals of the range, the ideas submitted in it, the quiz and FAQ-card answers given in it. */
export async function metricRows(db: Db, from: string, to: string) {
  const signals = await db.query(`select type, kind, widget, voter, at, data from kolo_signals where at >= $1 and at < $2 order by at`, [from, to]);
  const ideas = await db.query(`select kind, board, id, created_at, status, first_response_at from kolo_ideas where created_at >= $1 and created_at < $2 and merged_into is null`, [from, to]);
  // the quiz answers (first attempts) and "was this helpful?" answers given in the range, as counters
  const counters = await db.query<{ kind: string; widget: string; choice: string; n: number }>(
    `select 'quiz' as kind, widget, question || ':answered' as choice, count(*)::int as n from kolo_answers where kind = 'quiz' and at >= $1 and at < $2 group by widget, question
     union all
     select 'quiz', widget, question || ':correct', count(*)::int from kolo_answers where kind = 'quiz' and first and at >= $1 and at < $2 group by widget, question
     union all
     select 'faq', widget, c.choice, count(*)::int from kolo_ballots b cross join lateral jsonb_array_elements_text(b.choices) as c(choice)
       where kind = 'faq' and at >= $1 and at < $2 group by widget, c.choice`,
    [from, to],
  );
  return {
    signals: signals.map((r) => ({ type: r.type, kind: r.kind, widget: r.widget, voter: r.voter, at: iso(r.at), data: json(r.data) })) as SignalRow[],
    ideas: ideas.map((r) => ({ kind: String(r.kind), board: String(r.board), id: String(r.id), createdAt: iso(r.created_at), status: r.status as IdeaStatus, firstResponseAt: r.first_response_at ? iso(r.first_response_at) : null })),
    counters,
  };
}

export type MetricRows = Awaited<ReturnType<typeof metricRows>>;
