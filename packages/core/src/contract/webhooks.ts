/** Webhooks: the owners' subscriptions to events (the admin API's `/webhooks`), and their delivery log. */
import * as z from 'zod/mini';
import { EVENT_TYPES, eventTypeSchema, type EventType } from './events.ts';
import { positiveQuery } from './team.ts';

export const WEBHOOK_LIMITS = {
  /** a receiver's address, in characters */
  url: 2048,
  /** webhooks at once (active or paused) */
  webhooks: 50,
  /** deliveries per page of the log, at most */
  deliveriesPage: 100,
} as const;

/** The states of a delivery: owed (due now or later), delivered (a 2xx answer), failed (gave up). */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A delivery as the admin API's log gives it (`GET /v1/admin/webhooks/:id/deliveries`). */
export interface DeliveryInfo {
  id: string;
  eventId: string;
  type: EventType;
  status: DeliveryStatus;
  attempts: number;
  lastCode?: number;
  lastError?: string;
  /** when the next attempt is due (pending ones) */
  nextAt?: string;
  createdAt: string;
  /** when it was delivered or given up */
  doneAt?: string;
}

/** An absolute http(s) address without credentials; whether plain http is allowed is the server's decision. */
const receiverUrl = z.string().check(
  z.maxLength(WEBHOOK_LIMITS.url, `must be at most ${WEBHOOK_LIMITS.url} characters`),
  z.refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !!u.hostname;
    } catch {
      return false;
    }
  }, 'must be an https:// address without credentials'),
);

/** `POST /v1/admin/webhooks`: where to send which events (at least one, each once). */
export const webhookCreateSchema = z.object({
  url: receiverUrl,
  events: z.array(eventTypeSchema).check(
    z.minLength(1, 'must name at least one event'),
    z.maxLength(EVENT_TYPES.length, `must name at most ${EVENT_TYPES.length} events`),
    z.refine((l) => new Set(l).size === l.length, 'must name each event once'),
  ),
});
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

/** `PUT /v1/admin/webhooks/:id`: pause (`active: false`) or resume. */
export const webhookStateSchema = z.object({ active: z.boolean() });

const hexId = z.string().check(z.regex(/^[0-9a-f]{16}$/, 'must be a webhook id (16 hex digits)'));
/** `/v1/admin/webhooks/:id…`. */
export const webhookParamsSchema = z.object({ id: hexId });
/** `POST /v1/admin/webhooks/:id/deliveries/:delivery/replay`. */
export const deliveryParamsSchema = z.object({ id: hexId, delivery: z.string().check(z.regex(/^\d{1,16}$/, 'must be a delivery id')) });

/** `GET /v1/admin/webhooks/:id/deliveries`: a page, newest first; `before` is the `next` of the page before. */
export const deliveriesQuerySchema = z.object({
  limit: z._default(positiveQuery(WEBHOOK_LIMITS.deliveriesPage), 20),
  before: z.optional(positiveQuery(Number.MAX_SAFE_INTEGER)),
});
