/**
 * What the metrics need for a time range, counted by the database: signals are never read row by
 * row (a year of a busy site is millions of them), only their aggregates per widget, day and choice.
 */
import { BALLOT_KINDS, SIGNED_VOTER_PREFIX, type EngagementCounts, type IdeaStatus } from '@kolo/core';
import type { Db, Row } from '../db/types.ts';
import { iso } from '../db/values.ts';

/** core `engagementOf`'s counts (the active share's: actors who also viewed), per widget and for the site */
export type WidgetCounts = EngagementCounts & {
  /** null: the whole site */
  kind: string | null;
  widget: string | null;
};

// what each voter did on each widget as bits (1 viewed, 2 interacted or submitted, 4 followed a next
// step) and their counts; then per widget, and per voter across the site (an actor on one widget who
// follows a next step on another counts for the site, as in core `engagement`)
const engagementSql = `
with per as (
  select kind, widget, voter,
    bit_or(case type when 'view' then 1 when 'interact' then 2 when 'submit' then 2 when 'next-step' then 4 else 0 end) as seen,
    count(*) filter (where type = 'view') as views, count(*) filter (where type = 'next-step') as steps
  from kolo_signals where at >= $1 and at < $2
  group by kind, widget, voter
), site as (
  select bit_or(seen) as seen, sum(views) as views, sum(steps) as steps from per group by voter
)
select kind, widget, sum(views)::int as views, (count(*) filter (where seen & 1 = 1))::int as "uniqueViewers", (count(*) filter (where seen & 2 = 2))::int as actors,
  (count(*) filter (where seen & 3 = 3))::int as "viewedActors", sum(steps)::int as "nextSteps", (count(*) filter (where seen & 6 = 6))::int as converted
from per group by kind, widget
union all
select null, null, coalesce(sum(views), 0)::int, (count(*) filter (where seen & 1 = 1))::int, (count(*) filter (where seen & 2 = 2))::int,
  (count(*) filter (where seen & 3 = 3))::int, coalesce(sum(steps), 0)::int, (count(*) filter (where seen & 6 = 6))::int
from site
order by kind nulls first, widget`;

/** Views, viewers, actors (and those of them who viewed) and next steps per widget, and for the whole site (kind null, first). */
export const engagementCounts = (db: Db, from: string, to: string) => aggregate<WidgetCounts>(db, engagementSql, [from, to]);

/** One metrics query that groups many rows: hashed in memory, without JIT compilation for a single run. */
export function aggregate<T extends Row>(db: Db, sql: string, params: unknown[]): Promise<T[]> {
  return db.transaction(async (tx) => {
    // a year of a busy site groups ~10^5 voter × widget pairs: hashed in memory, not sorted on disk
    // (PostgreSQL only: PGlite's memory is the server's, and grows for good)
    if (db.driver === 'postgres') await tx.query(`set local work_mem = '64MB'`);
    await tx.query('set local jit = off');
    return tx.query<T>(sql, params);
  });
}

/** Help-banner link clicks per banner, by kind of link (`tool`, else `contact`), as core `bannerClicks`. */
export async function bannerCounts(db: Db, from: string, to: string) {
  const rows = await db.query<{ widget: string; steps: number; tools: number }>(
    `select widget, count(*)::int as steps, (count(*) filter (where data->'part' = '"tool"'::jsonb))::int as tools from kolo_signals
     where kind = 'help-banner' and type = 'next-step' and at >= $1 and at < $2 group by widget order by widget`,
    [from, to],
  );
  const out: Record<string, { contact: number; tool: number }> = Object.create(null);
  for (const r of rows) out[r.widget] = { contact: r.steps - r.tools, tool: r.tools };
  return out;
}

const ballotKinds = BALLOT_KINDS.map((k) => `'${k}'`).join(', ');
// the local day in the metrics' time zone; choices are the space-separated `data.choices` of a submit
// (a submit without any still makes its day appear, as in core `votesOverTime`: choice null)
const votesSql = `
select kind, widget, to_char(s.at at time zone $3, 'YYYY-MM-DD') as day, c.choice, count(*)::int as n
from kolo_signals s left join lateral unnest(string_to_array(s.data->>'choices', ' ')) as c(choice) on c.choice <> ''
where s.type = 'submit' and s.at >= $1 and s.at < $2 and s.kind in (${ballotKinds}) and jsonb_typeof(s.data->'choices') = 'string'
group by kind, widget, day, c.choice
order by kind, widget, day, c.choice`;

/** Votes per ballot widget (`kind:id`), local day and option, from the submit signals of the range. */
export async function votesByDay(db: Db, from: string, to: string, timeZone: string) {
  const rows = await db.query<{ kind: string; widget: string; day: string; choice: string | null; n: number }>(votesSql, [from, to, timeZone]);
  // keyed by ids: objects without a prototype, so an id such as `constructor` is only an id
  const out: Record<string, Record<string, Record<string, number>>> = Object.create(null);
  for (const r of rows) {
    const day = ((out[`${r.kind}:${r.widget}`] ??= Object.create(null))[r.day] ??= Object.create(null));
    if (r.choice !== null) day[r.choice] = r.n;
  }
  return out;
}

/** The ideas submitted in the range (few next to signals: the response times need each one). */
export async function ideaRows(db: Db, from: string, to: string) {
  const ideas = await db.query(`select kind, board, id, created_at, status, first_response_at from kolo_ideas where created_at >= $1 and created_at < $2 and merged_into is null`, [from, to]);
  return ideas.map((r) => ({ kind: String(r.kind), board: String(r.board), id: String(r.id), createdAt: iso(r.created_at), status: r.status as IdeaStatus, firstResponseAt: r.first_response_at ? iso(r.first_response_at) : null }));
}

/** The quiz answers (first attempts) and "was this helpful?" answers given in the range, as counters. */
export function answerCounters(db: Db, from: string, to: string) {
  return db.query<{ kind: string; widget: string; choice: string; n: number }>(
    `select 'quiz' as kind, widget, question || ':answered' as choice, count(*)::int as n from kolo_answers where kind = 'quiz' and at >= $1 and at < $2 group by widget, question
     union all
     select 'quiz', widget, question || ':correct', count(*)::int from kolo_answers where kind = 'quiz' and first and at >= $1 and at < $2 group by widget, question
     union all
     select 'faq', widget, c.choice, count(*)::int from kolo_ballots b cross join lateral jsonb_array_elements_text(b.choices) as c(choice)
       where kind = 'faq' and at >= $1 and at < $2 group by widget, c.choice`,
    [from, to],
  );
}

/**
 * Ballots and quiz answers last changed in the range and ideas submitted in it, and how many of them
 * signed people made (core `signedShareOf`); the team's seeded ideas have no author and are not counted.
 */
export async function signedCounts(db: Db, from: string, to: string) {
  const [row] = await db.query<{ actions: number; signed: number }>(
    `select count(*)::int as actions, (count(*) filter (where starts_with(voter, $3)))::int as signed from (
       select voter from kolo_ballots where at >= $1 and at < $2
       union all select voter from kolo_answers where at >= $1 and at < $2
       union all select author from kolo_ideas where created_at >= $1 and created_at < $2 and author <> '') x`,
    [from, to, SIGNED_VOTER_PREFIX],
  );
  return row!;
}
