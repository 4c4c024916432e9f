/**
 * Webhooks as owners manage them: made with a secret from 32 random bytes (shown once, kept usable so
 * the server can sign; never listed, logged or audited), listed, paused and resumed, deleted (with
 * their deliveries). Whether plain http is allowed is decided here, never by the client.
 */
import { randomBytes } from 'node:crypto';
import { WEBHOOK_LIMITS, refuse, type EventType, type WebhookCreate } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { iso } from '../db/values.ts';

/** A webhook as the team sees it: never its secret. */
export interface WebhookInfo {
  id: string;
  url: string;
  events: EventType[];
  active: boolean;
  createdAt: string;
}

const HOOK_COLUMNS = 'id, url, events, active, created_at';

const webhookInfo = (r: Record<string, unknown>): WebhookInfo => ({
  id: String(r.id),
  url: String(r.url),
  events: r.events as EventType[],
  active: Boolean(r.active),
  createdAt: iso(r.created_at),
});

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * Why `url` may not be a receiver, if it may not: https always may; http only for a loopback host in
 * development, or anywhere when `allowHttp` (KOLO_WEBHOOK_ALLOW_HTTP) says so.
 */
export function urlProblem(url: string, o: { production: boolean; allowHttp: boolean }): string | undefined {
  const u = new URL(url);
  if (u.protocol === 'https:' || o.allowHttp) return undefined;
  if (!o.production && LOOPBACK.test(u.hostname)) return undefined;
  return o.production ? 'must be an https:// address' : 'must be an https:// address (http:// only to localhost in development, or with KOLO_WEBHOOK_ALLOW_HTTP=1)';
}

/** All webhooks, oldest first. */
export async function webhooks(q: Queryable): Promise<WebhookInfo[]> {
  return (await q.query(`select ${HOOK_COLUMNS} from kolo_webhooks order by created_at, id`)).map(webhookInfo);
}

/** One webhook (undefined when unknown). */
export async function webhookOf(q: Queryable, id: string): Promise<WebhookInfo | undefined> {
  const [r] = await q.query(`select ${HOOK_COLUMNS} from kolo_webhooks where id = $1`, [id]);
  return r && webhookInfo(r);
}

/** Make a webhook: its description, and its secret (to be shown once). */
export async function createWebhook(q: Queryable, w: WebhookCreate): Promise<WebhookInfo & { secret: string }> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const id = randomBytes(8).toString('hex');
  const [r] = await q.query(
    `insert into kolo_webhooks (id, url, events, secret)
     select $1, $2, $3::text[], $4 where (select count(*) from kolo_webhooks) < $5
     returning ${HOOK_COLUMNS}`,
    [id, w.url, w.events, secret, WEBHOOK_LIMITS.webhooks],
  );
  if (!r) refuse('too-many', `there are ${WEBHOOK_LIMITS.webhooks} webhooks already: delete one first`);
  return { ...webhookInfo(r), secret };
}

/** Pause (`active` false: owed nothing, nothing sent) or resume a webhook. */
export async function setWebhookActive(q: Queryable, id: string, active: boolean): Promise<WebhookInfo> {
  const [r] = await q.query(`update kolo_webhooks set active = $2 where id = $1 returning ${HOOK_COLUMNS}`, [id, active]);
  if (!r) refuse('not-found', `no webhook "${id}"`);
  return webhookInfo(r);
}

/** Delete a webhook and its delivery log. */
export async function deleteWebhook(q: Queryable, id: string) {
  const rows = await q.query('delete from kolo_webhooks where id = $1 returning id', [id]);
  if (!rows.length) refuse('not-found', `no webhook "${id}"`);
}
