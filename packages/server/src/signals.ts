/**
 * Signals (views, interactions, next steps …): stored append-only, deleted after the retention,
 * within budgets per client address and per voter (a batch of N signals costs N).
 */
import type { Db } from './db/types.ts';
import { take } from './actions/limits.ts';

export interface Signal {
  type: string;
  widget: { kind: string; id: string };
  voter: string;
  at: string;
  data?: unknown;
}

export interface SignalLimits {
  /** signals per client address per minute (0: no limit) */
  signalsPerIp: number;
  /** signals per voter per minute (0: no limit) */
  signalsPerVoter: number;
}

/** What a batch may store: its first signals within the address's and each voter's budget; the rest is dropped. */
export async function withinBudget(db: Db, o: SignalLimits, list: Signal[], ipHash: string) {
  const perVoter = new Map<string, number>();
  for (const s of list) perVoter.set(s.voter, (perVoter.get(s.voter) ?? 0) + 1);
  const address = { key: `s:ip:${ipHash}`, cost: list.length, perMinute: o.signalsPerIp };
  const voters = new Map([...perVoter].map(([voter, n]) => [voter, { key: `s:v:${voter}`, cost: n, perMinute: o.signalsPerVoter }]));
  const asks = [address, ...voters.values()];
  const took = await take(db, asks);
  // what each budget gave (a budget without a limit gives everything)
  const room = new Map(asks.map((a) => [a.key, took.get(a.key)?.taken ?? a.cost]));
  const kept = list.filter((s) => {
    const voter = voters.get(s.voter)!.key;
    if (room.get(address.key)! < 1 || room.get(voter)! < 1) return false;
    room.set(address.key, room.get(address.key)! - 1);
    room.set(voter, room.get(voter)! - 1);
    return true;
  });
  const short = asks.filter((a) => (took.get(a.key)?.taken ?? a.cost) < a.cost);
  return { kept, dropped: list.length - kept.length, retryAfter: Math.max(1, ...short.map((a) => took.get(a.key)!.wait)) };
}

/** Store a batch with one statement (one round trip, whatever its size). */
export async function recordSignals(db: Db, list: Signal[]) {
  if (!list.length) return;
  const rows = list.map((s) => ({ type: s.type, kind: s.widget.kind, widget: s.widget.id, voter: s.voter, at: s.at, data: s.data || null }));
  await db.query(
    `insert into kolo_signals (type, kind, widget, voter, at, data)
     select type, kind, widget, voter, at, data from json_to_recordset($1::json) as s(type text, kind text, widget text, voter text, at timestamptz, data jsonb)`,
    [JSON.stringify(rows)],
  );
}

/** Bounded retention: delete signals older than `days`. */
export const expireSignals = (db: Db, days = 400) => db.query(`delete from kolo_signals where at < now() - make_interval(days => $1)`, [days]);
