/**
 * "We usually reply within N hours" for a public board: the median working hours to the team's first
 * response (core `usualReplyHours`) over the board's latest answered items of the last 90 days (at most
 * `LATEST`, read newest first through migration 0016's `kolo_ideas_answered` index, so the cost does
 * not follow the board's size); absent with fewer than 5. Kept per board for a few minutes.
 */
import { usualReplyHours } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { iso } from '../db/values.ts';
import { service } from './settings.ts';

const DAYS = 90;
/** at most this many of the latest answered items count */
const LATEST = 200;
const KEEP_MS = 5 * 60_000;
/** boards remembered at once (the oldest forgotten first) */
const BOARDS = 1_000;

export function usualReplies(db: Db, keepMs = KEEP_MS) {
  const kept = new Map<string, { until: number; hours: Promise<number | undefined> }>();
  const compute = async (kind: string, board: string) => {
    const [s, rows] = await Promise.all([
      service(db),
      db.query(
        `select created_at, first_response_at from kolo_ideas
         where kind = $1 and board = $2 and first_response_at is not null and first_response_at > now() - make_interval(days => ${DAYS})
         order by first_response_at desc limit ${LATEST}`,
        [kind, board],
      ),
    ]);
    return usualReplyHours(rows.map((r) => ({ createdAt: iso(r.created_at), firstResponseAt: iso(r.first_response_at) })), s);
  };
  return (kind: string, board: string): Promise<number | undefined> => {
    const key = `${kind}:${board}`;
    const hit = kept.get(key);
    if (hit && hit.until > Date.now()) return hit.hours;
    kept.delete(key);
    if (kept.size >= BOARDS) kept.delete(kept.keys().next().value!);
    const hours = compute(kind, board);
    kept.set(key, { until: Date.now() + keepMs, hours });
    // a failed computation is not kept
    hours.catch(() => kept.delete(key));
    return hours;
  };
}
