/** Idempotency: an action id seen before is answered as it was the first time. */
import { errorAnswer, type ServerAction } from '@kolo/core';
import type { Db, Queryable } from '../db/types.ts';
import { json } from '../db/values.ts';
import type { Answered } from '../http/errors.ts';
import { view } from '../view.ts';

/** An action id's record: the answer (status 0 while applied but not answered yet) and whose it was. */
export type Prior = { status: number; response: unknown; kind: string; widget: string; voter: string };

export const priorOf = async (db: Db, id: string) =>
  (await db.query<Prior>('select status, response, kind, widget, voter from kolo_actions where id = $1', [id]))[0];

/** Thrown inside a transaction when the same action id was applied concurrently: answer as stored. */
export class Replay extends Error {}

/** The answer to an action id seen before: as stored, or (applied, answer not written yet) the view now. */
export async function replay(db: Db, a: ServerAction, prior: Prior): Promise<Answered> {
  if (prior.kind !== a.widget.kind || prior.widget !== a.widget.id || prior.voter !== a.voter) {
    return errorAnswer('id-reused', 'this action id was already used for another action');
  }
  if (prior.status === 0) return { status: 200, body: await view(db, a.widget.kind, a.widget.id, a.voter) };
  return { status: prior.status, body: json(prior.response) };
}

/** Claim the action id inside the action's transaction; throws Replay when it is taken. */
export async function claim(tx: Queryable, a: ServerAction, ipHash: string) {
  const mine = await tx.query(
    `insert into kolo_actions (id, kind, widget, voter, ip_hash, status, response) values ($1, $2, $3, $4, $5, 0, 'null') on conflict (id) do nothing returning id`,
    [a.id, a.widget.kind, a.widget.id, a.voter, ipHash],
  );
  if (!mine.length) throw new Replay();
}

/** Remember the answer, so a retry answers the same. */
export async function record(db: Db, a: ServerAction, ipHash: string, answered: Answered) {
  if (answered.status === 200) {
    await db.query('update kolo_actions set status = 200, response = $2 where id = $1 and status = 0', [a.id, JSON.stringify(answered.body)]);
    return;
  }
  await db.query(
    `insert into kolo_actions (id, kind, widget, voter, ip_hash, status, response) values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
    [a.id, a.widget.kind, a.widget.id, a.voter, ipHash, answered.status, JSON.stringify(answered.body)],
  );
}
