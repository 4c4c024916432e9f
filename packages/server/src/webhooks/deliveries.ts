/**
 * What webhooks are owed: the sink writes one delivery per active webhook subscribed to an event, in
 * the event's transaction (one INSERT … SELECT); the log shows them page by page; a replay owes one
 * again, due now; the retention deletes them after KOLO_WEBHOOK_LOG_DAYS.
 */
import { WEBHOOK_LIMITS, refuse, type DeliveryInfo, type DeliveryStatus, type EventType } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { iso } from '../db/values.ts';
import type { Sink } from '../events/publish.ts';

/** The sink of webhooks: the body each is sent is the event as recorded, `{ id, type, at, data }`. */
export const webhookSink: Sink = async (q, event) => {
  await q.query(
    `insert into kolo_webhook_deliveries (webhook, event_id, type, body, next_at)
     select id, $1, $2, $3, now() from kolo_webhooks where active and $2 = any (events)`,
    [event.id, event.type, JSON.stringify(event)],
  );
};

const COLUMNS = 'id, event_id, type, status, attempts, next_at, last_code, last_error, created_at, done_at';

const info = (r: Record<string, unknown>): DeliveryInfo => ({
  id: String(r.id),
  eventId: String(r.event_id),
  type: r.type as EventType,
  status: r.status as DeliveryStatus,
  attempts: Number(r.attempts),
  ...(r.last_code !== null ? { lastCode: Number(r.last_code) } : {}),
  ...(r.last_error !== null ? { lastError: String(r.last_error) } : {}),
  ...(r.status === 'pending' && r.next_at !== null ? { nextAt: iso(r.next_at) } : {}),
  createdAt: iso(r.created_at),
  ...(r.done_at !== null ? { doneAt: iso(r.done_at) } : {}),
});

/** A page of a webhook's deliveries, newest first, older than `before` (a delivery's id); `next` is the next page's `before`. */
export async function deliveriesPage(q: Queryable, webhook: string, limit: number, before?: number): Promise<{ deliveries: DeliveryInfo[]; next?: string }> {
  const n = Math.min(limit, WEBHOOK_LIMITS.deliveriesPage);
  const [known] = await q.query('select 1 from kolo_webhooks where id = $1', [webhook]);
  if (!known) refuse('not-found', `no webhook "${webhook}"`);
  const rows = await q.query(`select ${COLUMNS} from kolo_webhook_deliveries where webhook = $1 and ($2::bigint is null or id < $2) order by id desc limit $3`, [webhook, before ?? null, n + 1]);
  const deliveries = rows.slice(0, n).map(info);
  return { deliveries, ...(rows.length > n ? { next: deliveries[deliveries.length - 1]!.id } : {}) };
}

/** One delivery of a webhook (undefined when unknown), for the audit log. */
export async function deliveryOf(q: Queryable, webhook: string, id: string): Promise<DeliveryInfo | undefined> {
  const [r] = await q.query(`select ${COLUMNS} from kolo_webhook_deliveries where webhook = $1 and id = $2::bigint`, [webhook, id]);
  return r && info(r);
}

/** Owe a delivery again, due now, with a new round of attempts (its earlier attempts stay in the log). */
export async function replayDelivery(q: Queryable, webhook: string, id: string): Promise<DeliveryInfo> {
  const [r] = await q.query(
    `update kolo_webhook_deliveries set status = 'pending', next_at = now(), round_start = attempts, done_at = null
     where webhook = $1 and id = $2::bigint returning ${COLUMNS}`,
    [webhook, id],
  );
  if (!r) refuse('not-found', `no delivery "${id}" of webhook "${webhook}"`);
  return info(r);
}

/** Bounded retention: deliveries (and their attempts) made more than `days` ago. */
export async function expireDeliveries(q: Queryable, days: number | undefined) {
  if (!days) return;
  await q.query('delete from kolo_webhook_deliveries where created_at < now() - make_interval(days => $1::int)', [days]);
}
