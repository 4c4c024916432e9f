/**
 * Counters: what results are read from (O(1) reads instead of a scan of every ballot). Each
 * widget's counters are keyed by choice (an option, `question:answered`, an idea id); the voters
 * are the counter `VOTERS`. Choice ids are data, never object keys with a prototype, so an option
 * named `constructor` or `__proto__` counts like any other.
 */
import type { Queryable } from './types.ts';
import { json } from './values.ts';

/** the counter of voters among a widget's counters (not a valid choice id) */
export const VOTERS = '';

/** Changes to counters, by choice. */
export type Changes = Map<string, number>;

/** Add `by` to a choice's change. */
export function change(changes: Changes, choice: string, by: number): Changes {
  changes.set(choice, (changes.get(choice) ?? 0) + by);
  return changes;
}

/**
 * Add to counters (`kolo_bump` of migration 0007, which the actions' SQL uses too): each call picks one
 * of 16 rows per counter at random, so concurrent votes rarely wait for each other; rows go in a
 * fixed order, so they never deadlock.
 */
export async function bump(q: Queryable, kind: string, widget: string, changes: Changes) {
  await q.query('select kolo_bump($1, $2, $3::jsonb)', [kind, widget, JSON.stringify(Object.fromEntries(changes))]);
}

/** A JSON object of counters (`json_object_agg(choice, n)`) as counts and voters; no prototype. */
export function splitVoters(aggregated: unknown): { counts: Record<string, number>; voters: number } {
  const counts: Record<string, number> = Object.create(null);
  let voters = 0;
  for (const [choice, n] of Object.entries((json(aggregated) as Record<string, number> | null) ?? {})) {
    if (choice === VOTERS) voters = n;
    else counts[choice] = n;
  }
  return { counts, voters };
}

/** A widget's counters above zero, voters left out. */
export async function counts(q: Queryable, kind: string, widget: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of await q.query<{ choice: string; n: number }>('select choice, sum(n)::int as n from kolo_counts where kind = $1 and widget = $2 and choice <> $3 group by choice', [kind, widget, VOTERS])) {
    if (r.n > 0) out.set(r.choice, r.n);
  }
  return out;
}
