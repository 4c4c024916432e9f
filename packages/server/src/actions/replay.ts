/**
 * Idempotency: an action id seen before is answered as it was the first time. The action's SQL keeps
 * and reads the record (migration 0007: `kolo_claim`, `kolo_prior`); only refusals keep their answer
 * (an applied action is answered with the widget's state now, which holds its effect: a view is as big
 * as the widget, and a retry needs only to know it was applied).
 */
import type { ServerAction } from '@kolo/core';
import type { Db } from '../db/types.ts';
import type { Answered } from '../http/errors.ts';

/** Remember a refusal with its answer, so a retry is refused alike (for a refusal decided outside the action's SQL). */
export async function record(db: Db, a: ServerAction, ipHash: string, answered: Answered) {
  await db.query(
    `insert into kolo_actions (id, kind, widget, voter, ip_hash, status, response) values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
    [a.id, a.widget.kind, a.widget.id, a.voter, ipHash, answered.status, JSON.stringify(answered.body)],
  );
}
