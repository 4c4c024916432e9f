/**
 * `poll.closed`: a job finds polls and A/B choices whose closing time has passed and not been
 * announced, marks each announced and publishes its final counts in one transaction, so each closing
 * is announced once (several servers: the row lock of the update decides which one does it).
 */
import type { Db } from '../db/types.ts';
import { counts } from '../db/counters.ts';
import { iso } from '../db/values.ts';
import type { Events } from './publish.ts';

/** at most this many closings announced per run (the rest on the next) */
const BATCH = 50;

export function announceClosings(db: Db, events: Events) {
  return () =>
    db.transaction(async (tx) => {
      const closed = await tx.query<{ kind: string; id: string; closes_at: unknown }>(
        `update kolo_widgets set closed_announced_at = now()
         where (kind, id) in (
           select kind, id from kolo_widgets
           where kind in ('poll', 'choice') and closed_announced_at is null and (config->'policy'->>'closesAt')::timestamptz <= now()
           order by kind, id limit ${BATCH} for update skip locked)
         returning kind, id, config->'policy'->>'closesAt' as closes_at`,
      );
      for (const w of closed) {
        const final = Object.fromEntries(await counts(tx, w.kind, w.id));
        await events.publish(tx, 'poll.closed', { kind: w.kind, id: w.id, closesAt: iso(w.closes_at), counts: final });
      }
      return closed.length;
    });
}
