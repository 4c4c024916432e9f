/**
 * The outbox: `publish` records an event in `kolo_events` inside the caller's transaction and hands it
 * to each consumer (a sink), which writes its own rows (a webhook delivery per subscribed hook, a
 * notification per follower) in that same transaction. So an event is recorded, and its deliveries are
 * owed, exactly when the change that made it is committed; sending them is a job's work (../jobs.ts).
 */
import type { EventPayloads, EventType, KoloEvent } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { iso } from '../db/values.ts';

/** A consumer of events: writes what it owes for `event` with `q` (the publishing transaction). */
export type Sink = (q: Queryable, event: KoloEvent) => Promise<void>;

export interface Events {
  /** record `type` with `data` and hand it to every sink, with `q` (a transaction, or the database) */
  publish<T extends EventType>(q: Queryable, type: T, data: EventPayloads[T]): Promise<KoloEvent<T>>;
}

export function eventLog(sinks: readonly Sink[]): Events {
  return {
    async publish(q, type, data) {
      const [row] = await q.query<{ id: unknown; at: unknown }>('insert into kolo_events (type, data) values ($1, $2::jsonb) returning id, at', [type, JSON.stringify(data)]);
      const event = { id: String(row!.id), type, at: iso(row!.at), data } as KoloEvent<typeof type>;
      for (const sink of sinks) await sink(q, event as KoloEvent);
      return event;
    },
  };
}

/** Delete events older than `days` (consumers keep their own copies of what they still owe). */
export async function expireEvents(q: Queryable, days: number | undefined) {
  if (!days) return;
  await q.query(`delete from kolo_events where at < now() - make_interval(days => $1::int)`, [days]);
}
