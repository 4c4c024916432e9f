/**
 * The dialogue metrics' counts (core dialogue.ts has the definitions): return after 7 and 30 days
 * and next-step conversion per campaign, counted by the database within a bounded window. Content per
 * week needs no query of its own: it is counted from the range's ideas (metric-rows.ts `ideaRows`).
 */
import type { ReturnCounts } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { aggregate } from './metric-rows.ts';

/** core `returnsOf`'s counts per widget, and for the whole site (kind null, first) */
export type WidgetReturnCounts = ReturnCounts & { kind: string | null; widget: string | null };

// $1 from, $2 to, $3 as of, $4 time zone. Reads the actions of [from, min(to + 30 days, as of)) by time
// (kolo_signals_by_time); a person is new in the range when the partial index of actions by voter has
// nothing of theirs before `from` (per widget, or anywhere for the site: kind and widget '' below), one
// probe per person (the cohort is materialized before it meets their actions again)
const returnsSql = `
with acts as (
  select kind, widget, voter, at from kolo_signals
  where type in ('interact', 'submit') and at >= $1 and at < least($2::timestamptz + interval '30 days', $3::timestamptz)
), scoped as (
  select kind, widget, voter, at from acts
  union all
  select '', '', voter, at from acts
), firsts as (
  select kind, widget, voter, min(at) as first from scoped group by kind, widget, voter
), cohort as materialized (
  select f.* from firsts f
  where f.first < $2 and f.kind <> '' and not exists (
    select 1 from kolo_signals p where p.type in ('interact', 'submit') and p.voter = f.voter and p.kind = f.kind and p.widget = f.widget and p.at < $1)
  union all
  select f.* from firsts f
  where f.first < $2 and f.kind = '' and not exists (select 1 from kolo_signals p where p.type in ('interact', 'submit') and p.voter = f.voter and p.at < $1)
), per as (
  select c.kind, c.widget, c.voter, c.first,
    bool_or(s.at < c.first + interval '7 days' and (s.at at time zone $4)::date > (c.first at time zone $4)::date) as r7,
    bool_or(s.at < c.first + interval '30 days' and (s.at at time zone $4)::date > (c.first at time zone $4)::date) as r30
  from cohort c join scoped s on s.kind = c.kind and s.widget = c.widget and s.voter = c.voter
  group by c.kind, c.widget, c.voter, c.first
)
select nullif(kind, '') as kind, nullif(widget, '') as widget, count(*)::int as "newPeople",
  (count(*) filter (where first + interval '7 days' <= $3))::int as eligible7,
  (count(*) filter (where first + interval '7 days' <= $3 and r7))::int as returned7,
  (count(*) filter (where first + interval '30 days' <= $3))::int as eligible30,
  (count(*) filter (where first + interval '30 days' <= $3 and r30))::int as returned30
from per group by kind, widget
order by kind nulls first, widget`;

/** Return counts per widget that has new people in the range, and for the site (kind null, first; zeros without any). */
export async function returnCounts(db: Db, from: string, to: string, asOf: string, timeZone: string): Promise<WidgetReturnCounts[]> {
  const rows = await aggregate<WidgetReturnCounts>(db, returnsSql, [from, to, asOf, timeZone]);
  if (rows[0]?.kind !== null) rows.unshift({ kind: null, widget: null, newPeople: 0, eligible7: 0, returned7: 0, eligible30: 0, returned30: 0 });
  return rows;
}

/** Views and next-step clicks per campaign (`data.campaign`) in the range, as core `campaignConversion`. */
export function campaignCounts(db: Db, from: string, to: string) {
  return db.query<{ campaign: string; views: number; nextSteps: number }>(
    `select data->>'campaign' as campaign, (count(*) filter (where type = 'view'))::int as views, (count(*) filter (where type = 'next-step'))::int as "nextSteps"
     from kolo_signals where at >= $1 and at < $2 and type in ('view', 'next-step') and jsonb_typeof(data->'campaign') = 'string' and data->>'campaign' <> ''
     group by 1 order by 1`,
    [from, to],
  );
}
