/** Idempotency: an action id seen before is answered as it was the first time. */
import { errorAnswer, type ServerAction } from '@kolo/core';
import type { Db, Queryable } from '../db/types.ts';
import { json } from '../db/values.ts';
import type { Answered } from '../http/errors.ts';
import { view } from '../view.ts';

/** An action id's record: applied (200; 0 in records an older server wrote), or a refusal with its answer; and whose it was. */
export type Prior = { status: number; response: unknown; kind: string; widget: string; voter: string };

export const priorOf = async (db: Db, id: string) =>
  (await db.query<Prior>('select status, response, kind, widget, voter from kolo_actions where id = $1', [id]))[0];

/** Thrown inside a transaction when the same action id was applied concurrently: answer as stored. */
export class Replay extends Error {}

/**
 * The answer to an action id seen before: a refusal as stored; an applied action (answered or not yet)
 * with the widget's view now, which holds its effect. Only refusals keep their answer: a view is as
 * big as the widget (a board of 50,000 ideas is megabytes), and a retry needs only to know it was applied.
 */
export async function replay(db: Db, a: ServerAction, prior: Prior): Promise<Answered> {
  if (prior.kind !== a.widget.kind || prior.widget !== a.widget.id || prior.voter !== a.voter) {
    return errorAnswer('id-reused', 'this action id was already used for another action');
  }
  if (prior.status === 0 || prior.status === 200) return { status: 200, body: await view(db, a.widget.kind, a.widget.id, a.voter) };
  return { status: prior.status, body: json(prior.response) };
}

/** Claim the action id inside the action's transaction (it stands as applied once that commits); throws Replay when it is taken. */
export async function claim(tx: Queryable, a: ServerAction, ipHash: string) {
  const mine = await tx.query(
    `insert into kolo_actions (id, kind, widget, voter, ip_hash, status, response) values ($1, $2, $3, $4, $5, 200, 'null') on conflict (id) do nothing returning id`,
    [a.id, a.widget.kind, a.widget.id, a.voter, ipHash],
  );
  if (!mine.length) throw new Replay();
}

/** Remember a refusal with its answer, so a retry is refused alike. */
export async function record(db: Db, a: ServerAction, ipHash: string, answered: Answered) {
  await db.query(
    `insert into kolo_actions (id, kind, widget, voter, ip_hash, status, response) values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
    [a.id, a.widget.kind, a.widget.id, a.voter, ipHash, answered.status, JSON.stringify(answered.body)],
  );
}
