/** Rate limits (per voter and per IP hash, per widget and minute) and slow mode. */
import { refuse } from '@kolo/core';
import type { Db } from '../db/types.ts';
import type { ServerAction } from '@kolo/core';

export interface Limits {
  /** actions per voter per widget per minute */
  ratePerVoter: number;
  /** actions per IP hash per widget per minute */
  ratePerIp: number;
}

/** Counted before the action, refused or not; throws a `rate-limited` KoloError. */
export async function limit(db: Db, o: Limits, a: ServerAction, ipHash: string, slowSeconds: number) {
  const { kind, id } = a.widget;
  const voterKey = `v:${kind}:${id}:${a.voter}`;
  const rows = await db.query<{ key: string; n: number; wait: number }>(
    `insert into kolo_rate (key, window_start, n) values ($1, date_trunc('minute', now()), 1), ($2, date_trunc('minute', now()), 1)
     on conflict (key, window_start) do update set n = kolo_rate.n + 1
     returning key, n, (60 - extract(second from now()))::int as wait`,
    [voterKey, `ip:${kind}:${id}:${ipHash}`],
  );
  for (const r of rows) {
    if (r.n > (r.key === voterKey ? o.ratePerVoter : o.ratePerIp)) refuse('rate', 'too many actions; wait a moment', Math.max(1, r.wait));
  }
  if (slowSeconds > 0) {
    const [last] = await db.query<{ ago: number | null }>(
      `select extract(epoch from now() - max(at))::float8 as ago from kolo_actions where kind = $1 and widget = $2 and voter = $3 and status = 200`,
      [kind, id, a.voter],
    );
    if (last?.ago != null && last.ago < slowSeconds) refuse('slow-mode', `slow mode: one action every ${slowSeconds} s`, Math.ceil(slowSeconds - last.ago));
  }
}

/** Every 500th call, delete old rate windows and expired signals, in the background. */
export function sweeper(db: Db, expireSignals: () => Promise<unknown>) {
  let sweeps = 0;
  return () => {
    if (++sweeps % 500 !== 0) return;
    void db.query(`delete from kolo_rate where window_start < now() - interval '10 minutes'`).catch(() => {});
    void expireSignals().catch(() => {});
  };
}
