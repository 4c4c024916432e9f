/**
 * Budgets as token buckets in the database, so every server on it shares them: a bucket holds up to
 * `perMinute` tokens and refills at `perMinute` a minute, continuously (there is no calendar minute
 * to cross); a request takes what it costs. Actions spend one budget per client address (IPv6 per
 * /64) and one per voter, across every widget; signals have two of their own. Slow mode counts per
 * voter and per address.
 */
import type { Db } from '../db/types.ts';

export interface Limits {
  /** actions per voter per minute, across widgets (0: no limit) */
  ratePerVoter: number;
  /** actions per client address per minute, across widgets (0: no limit) */
  ratePerIp: number;
}

/** What a request asks of one bucket. */
export interface Ask {
  key: string;
  cost: number;
  perMinute: number;
}

/**
 * Take from several buckets (distinct keys) in one statement (`kolo_take` of migration 0007 holds the
 * refill): per key, what it gave (up to the cost; a new bucket starts full) and the seconds until its
 * next token. A bucket with no limit is left out, so it gives nothing back: read a missing key as
 * "all of it". Actions take theirs inside their own statement (`kolo_begin`).
 */
export async function take(db: Db, asks: Ask[]): Promise<Map<string, { taken: number; wait: number }>> {
  const on = asks.filter((a) => a.perMinute > 0);
  if (!on.length) return new Map();
  const rows = await db.query<{ key: string; taken: number; wait: number }>(
    // buckets taken in the order of their keys, so concurrent requests never wait for each other in a cycle
    `select r.key, t.taken, t.wait from (select * from json_to_recordset($1::json) as x(key text, cost float8, cap float8) order by key collate "C") r, lateral kolo_take(r.key, r.cost, r.cap) t`,
    [JSON.stringify(on.map((a) => ({ key: a.key, cost: a.cost, cap: a.perMinute })))],
  );
  return new Map(rows.map((r) => [r.key, { taken: Number(r.taken), wait: Number(r.wait) }]));
}

/** How long an action's idempotency record is kept: a retry within it is answered as the first time. */
export const RECORD_HOURS = 48;

/** Delete what has outlived its use: full buckets (untouched for 2 minutes), idempotency records past their time. */
export const expireRecords = (db: Db) =>
  Promise.all([
    db.query(`delete from kolo_buckets where at < now() - interval '2 minutes'`),
    db.query(`delete from kolo_actions where at < now() - interval '${RECORD_HOURS} hours'`),
  ]);

/** Every 500th call, expire records and signals, in the background. */
export function sweeper(db: Db, expireSignals: () => Promise<unknown>) {
  let sweeps = 0;
  return () => {
    if (++sweeps % 500 !== 0) return;
    void expireRecords(db).catch(() => {});
    void expireSignals().catch(() => {});
  };
}
