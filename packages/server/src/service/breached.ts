/**
 * `sla.breached`: a job finds the waiting items (./clock.ts) that passed the team's reply target,
 * oldest first, marks each announced and publishes it in one transaction, so each item is announced
 * once (several servers: `for update skip locked` decides which one does it). The mark stays when the
 * item is answered: an item answered and re-opened is not announced again (its first response is
 * kept, so it is no longer waiting).
 */
import { replyClock } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { iso } from '../db/values.ts';
import { eventItem, ITEM_COLUMNS } from '../events/item.ts';
import type { Events } from '../events/publish.ts';
import { WAITING } from './clock.ts';
import { service } from './settings.ts';

/** at most this many items looked at per run (the rest on the next) */
const BATCH = 50;

export function announceBreaches(db: Db, events: Events, now = () => new Date().toISOString()) {
  return () =>
    db.transaction(async (tx) => {
      const s = await service(tx);
      // oldest first: every item is timed against one target, so once one has time left, the younger ones have too
      const rows = await tx.query(
        `select kind, board, created_at, ${ITEM_COLUMNS} from kolo_ideas where ${WAITING} and sla_breached_at is null
         order by created_at, kind, board, id limit ${BATCH} for update skip locked`,
      );
      const at = now();
      const over = rows.map((r) => ({ r, clock: replyClock(iso(r.created_at), at, s) })).filter((x) => x.clock.leftHours < 0);
      if (!over.length) return 0;
      await tx.query(
        `update kolo_ideas i set sla_breached_at = now() from unnest($1::text[], $2::text[], $3::text[]) as o (kind, board, id)
         where i.kind = o.kind and i.board = o.board and i.id = o.id`,
        [over.map((x) => x.r.kind), over.map((x) => x.r.board), over.map((x) => x.r.id)],
      );
      for (const { r, clock } of over) {
        const on = { kind: r.kind as 'ideas' | 'questions', board: String(r.board), item: eventItem(r) };
        await events.publish(tx, 'sla.breached', { ...on, waitingHours: clock.waitingHours, targetHours: clock.targetHours });
      }
      return over.length;
    });
}
