/**
 * Budgets as token buckets in the database, so every server on it shares them: a bucket holds up to
 * `perMinute` tokens and refills at `perMinute` a minute, continuously (there is no calendar minute
 * to cross); a request takes what it costs. Actions spend one budget per client address (IPv6 per
 * /64) and one per voter, across every widget; signals have two of their own. Slow mode counts per
 * voter and per address.
 */
import { refuse } from '@kolo/core';
import type { Db } from '../db/types.ts';
import type { ServerAction } from '@kolo/core';

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

// the bucket's tokens now: what was left, plus the refill since (never more than it holds)
const refilled = `least(excluded.cap, b.tokens + greatest(0, extract(epoch from now() - b.at)::float8) * excluded.cap / 60)`;

/**
 * Take from several buckets (distinct keys) in one statement: per key, what it gave (up to the
 * cost; a new bucket starts full) and the seconds until its next token. A bucket with no limit is
 * left out, so it gives nothing back: read a missing key as "all of it".
 */
export async function take(db: Db, asks: Ask[]): Promise<Map<string, { taken: number; wait: number }>> {
  const on = asks.filter((a) => a.perMinute > 0);
  if (!on.length) return new Map();
  const rows = await db.query<{ key: string; taken: number; wait: number }>(
    `insert into kolo_buckets as b (key, tokens, at, cap, taken)
     select key, cap - least(cost, cap), now(), cap, least(cost, cap) from json_to_recordset($1::json) as r(key text, cost float8, cap float8)
     on conflict (key) do update set
       tokens = ${refilled} - least(excluded.taken, floor(${refilled})),
       taken = least(excluded.taken, floor(${refilled})),
       at = greatest(b.at, now()),
       cap = excluded.cap
     returning key, taken, greatest(1, ceil((1 - tokens) * 60 / cap))::int as wait`,
    [JSON.stringify(on.map((a) => ({ key: a.key, cost: a.cost, cap: a.perMinute })))],
  );
  return new Map(rows.map((r) => [r.key, { taken: Number(r.taken), wait: Number(r.wait) }]));
}

/** Spend one action from the address's and the voter's budgets; throws a `rate-limited` KoloError. */
export async function limit(db: Db, o: Limits, a: ServerAction, ipHash: string) {
  const took = await take(db, [
    { key: `a:ip:${ipHash}`, cost: 1, perMinute: o.ratePerIp },
    { key: `a:v:${a.voter}`, cost: 1, perMinute: o.ratePerVoter },
  ]);
  const short = [...took.values()].filter((t) => t.taken < 1);
  if (short.length) refuse('rate', 'too many actions; wait a moment', Math.max(...short.map((t) => t.wait)));
}

/** Slow mode: `ago` is the seconds since this voter's or this address's last action on the widget. */
export function slowMode(slowSeconds: number, ago: number | null) {
  if (slowSeconds > 0 && ago != null && ago < slowSeconds) refuse('slow-mode', `slow mode: one action every ${slowSeconds} s`, Math.ceil(slowSeconds - ago));
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
