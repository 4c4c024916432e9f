/**
 * What the OpenAPI document says of each route the app serves, keyed `METHOD /path` as Hono registers
 * it: the contract's schemas (@kolo/core) of its parameters, query, body and answer. ./openapi.ts walks
 * the app's real routes and looks each one up here (a route without an entry, or an entry without a
 * route, fails the OpenAPI test).
 */
import * as z from 'zod/mini';
import {
  actionSchema,
  adminIdeasQuerySchema,
  auditQuerySchema,
  banParamsSchema,
  banSchema,
  boardPageQuerySchema,
  changelogQuerySchema,
  followSchema,
  followTokenSchema,
  idSchema,
  boardParamsSchema,
  deliveriesQuerySchema,
  deliveryParamsSchema,
  definitionsBodySchema,
  eventsQuerySchema,
  importBodySchema,
  mergeBodySchema,
  metricsQuerySchema,
  moderateBodySchema,
  queueQuerySchema,
  seedSchema,
  serviceSchema,
  signalBatchSchema,
  similarQuerySchema,
  stopWordsSchema,
  tokenCreateSchema,
  tokenParamsSchema,
  viewSchema,
  webhookCreateSchema,
  webhookParamsSchema,
  webhookStateSchema,
  widgetParamsSchema,
  widgetSettingsSchema,
} from '@kolo/core';

type Schema = z.ZodMiniType;

export interface RouteDoc {
  summary: string;
  tag: 'operations' | 'widgets' | 'admin';
  /** the path's parameters, as one object schema */
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** the request names its voter in the `Kolo-Voter` header */
  voter?: boolean;
  /** the request may carry the host site's signed identity in the `Kolo-Identity` header */
  identity?: boolean;
  /** the bearer token it needs (an admin route's role: ./admin-rules.ts) */
  auth?: 'admin' | 'metrics';
  /** the success answer: a JSON schema (`json`), or another media type */
  ok: { status: number; description: string; json?: Schema; type?: 'text/event-stream' | 'text/csv' | 'text/plain' | 'text/html' | 'application/atom+xml' };
}

const view = { status: 200, description: "the widget's view", json: viewSchema };
const done = { status: 200, description: 'done: `{ "ok": true }`' };
const board = { params: boardParamsSchema, tag: 'admin', auth: 'admin' } as const;

export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'GET /metrics': { summary: 'Prometheus metrics (bearer KOLO_METRICS_TOKEN; without it open in development, off in production)', tag: 'operations', auth: 'metrics', ok: { status: 200, description: 'metrics in the Prometheus text format', type: 'text/plain' } },
  'GET /v1/health': { summary: 'the process is alive (no database work)', tag: 'operations', ok: { status: 200, description: '`{ "ok": true }`' } },
  'GET /v1/ready': { summary: 'the database answers and is migrated; the version (503 when not ready)', tag: 'operations', ok: { status: 200, description: '`{ ok, version, database, migrations }`' } },
  'GET /v1/openapi.json': { summary: 'this document', tag: 'operations', ok: { status: 200, description: 'OpenAPI 3.1' } },
  'GET /v1/widgets/:kind/:id': { summary: "a widget's view for a voter (a board: one page, by the query)", tag: 'widgets', params: widgetParamsSchema, query: boardPageQuerySchema, voter: true, identity: true, ok: view },
  'GET /v1/widgets/:kind/:id/similar': { summary: "a board's ideas like a title being typed", tag: 'widgets', params: widgetParamsSchema, query: similarQuerySchema, voter: true, identity: true, ok: view },
  'GET /v1/widgets/:kind/:id/events': { summary: "a widget's live public views (Server-Sent Events: `view` events of `{ widget, view }`)", tag: 'widgets', params: widgetParamsSchema, voter: true, ok: { status: 200, description: 'a live stream', type: 'text/event-stream' } },
  'GET /v1/events': { summary: "one live stream for several widgets (`widgets`: a JSON array of `{ kind, id }`)", tag: 'widgets', query: eventsQuerySchema, voter: true, ok: { status: 200, description: 'a live stream', type: 'text/event-stream' } },
  'POST /v1/actions': { summary: 'an action (vote, answer, idea, upvote), idempotent by its id', tag: 'widgets', body: actionSchema, identity: true, ok: view },
  'GET /v1/widgets/changelog/:id': { summary: "a changelog's page: what shipped or was answered on its registered boards, newest first", tag: 'widgets', params: z.object({ id: idSchema }), query: changelogQuerySchema, ok: { status: 200, description: '`{ entries, next }`' } },
  'GET /v1/widgets/changelog/:id/feed.atom': { summary: 'the same page as an Atom 1.0 feed', tag: 'widgets', params: z.object({ id: idSchema }), query: changelogQuerySchema, ok: { status: 200, description: 'Atom', type: 'application/atom+xml' } },
  'POST /v1/follows': { summary: 'follow an idea or question by email (double opt-in: a confirmation mail first; 409 notifications-off without SMTP)', tag: 'widgets', body: followSchema, voter: true, ok: { status: 202, description: 'accepted (the answer never says whether the email is known)' } },
  'GET /v1/follows/confirm': { summary: "an email's confirmation link", tag: 'widgets', query: followTokenSchema, ok: { status: 200, description: 'a small page', type: 'text/html' } },
  'GET /v1/follows/unfollow': { summary: 'an unfollow link: a page with the button that unfollows', tag: 'widgets', query: followTokenSchema, ok: { status: 200, description: 'a small page', type: 'text/html' } },
  'POST /v1/follows/unfollow': { summary: 'unfollow (RFC 8058 one-click)', tag: 'widgets', query: followTokenSchema, ok: { status: 200, description: 'a small page', type: 'text/html' } },
  'POST /v1/signals': { summary: 'a batch of signals (helpful, impressions…): 204 all stored, 202 some dropped', tag: 'widgets', body: signalBatchSchema, ok: { status: 204, description: 'stored' } },
  'GET /v1/admin/ideas/:kind/:board': { ...board, summary: "a page of a board's ideas, newest first", query: adminIdeasQuerySchema, ok: { status: 200, description: '`{ ideas, next }`' } },
  'GET /v1/admin/queue': { summary: 'every waiting idea with its reply clock (the least time left first, or `sort=new`)', tag: 'admin', auth: 'admin', query: queueQuerySchema, ok: { status: 200, description: '`{ ideas }`, each with `waitingHours`, `targetHours`, `leftHours`' } },
  'GET /v1/admin/queue/:kind/:board': { ...board, summary: "a page of a board's waiting ideas with their reply clocks", query: adminIdeasQuerySchema, ok: { status: 200, description: '`{ ideas, next }`' } },
  'GET /v1/admin/widgets': { summary: 'the registered widgets with their counts', tag: 'admin', auth: 'admin', ok: { status: 200, description: '`{ widgets }`' } },
  'GET /v1/admin/bans': { summary: 'the bans', tag: 'admin', auth: 'admin', ok: { status: 200, description: '`{ bans }`' } },
  'GET /v1/admin/export/results.csv': { summary: "every widget's results", tag: 'admin', auth: 'admin', ok: { status: 200, description: 'CSV', type: 'text/csv' } },
  'GET /v1/admin/export/ideas.csv': { summary: 'every idea (`contact=1`: with contacts; authors and contacts for moderators and owners only)', tag: 'admin', auth: 'admin', ok: { status: 200, description: 'CSV', type: 'text/csv' } },
  'GET /v1/admin/metrics': {
    summary: "the site's engagement metrics over a period",
    tag: 'admin',
    auth: 'admin',
    query: metricsQuerySchema,
    ok: {
      status: 200,
      description:
        'the metrics: engagement for the site and per widget, votes per day, quiz and "helpful" shares, ideas per board, banner clicks; `returns`: return after 7 and 30 days for the site and per widget (people whose first action is in the range and acted again on a later day within 7 / 30 days; only those whose first action is at least 7 / 30 days old at `asOf` are eligible); `content`: ideas and questions submitted per ISO week, for the site and per board; `campaigns`: next-step clicks ÷ views per `utm_campaign`',
    },
  },
  'GET /v1/admin/ip-hash/:ip': { summary: 'the hash an IP ban needs (addresses are never stored)', tag: 'admin', auth: 'admin', ok: { status: 200, description: '`{ hash }`' } },
  'POST /v1/admin/ideas/:kind/:board/:idea': { ...board, summary: 'moderate an idea', body: moderateBodySchema, ok: done },
  'POST /v1/admin/ideas/:kind/:board/:idea/merge': { ...board, summary: 'merge an idea into another', body: mergeBodySchema, ok: done },
  'PUT /v1/admin/widgets/:kind/:id': { summary: "a widget's rules and slow mode", tag: 'admin', auth: 'admin', params: widgetParamsSchema, body: widgetSettingsSchema, ok: done },
  'PUT /v1/admin/definitions': { summary: 'register widgets (as `kolo-server register` does)', tag: 'admin', auth: 'admin', body: definitionsBodySchema, ok: { status: 200, description: '`{ changed }`' } },
  'POST /v1/admin/bans': { summary: 'ban a voter, an address or a word', tag: 'admin', auth: 'admin', body: banSchema, ok: done },
  'DELETE /v1/admin/bans/:type/:value': { summary: 'lift a ban', tag: 'admin', auth: 'admin', params: banParamsSchema, ok: done },
  'GET /v1/admin/stop-words/:lang': { summary: "a language's stop words", tag: 'admin', auth: 'admin', ok: { status: 200, description: '`{ words }`' } },
  'PUT /v1/admin/stop-words/:lang': { summary: "set a language's stop words", tag: 'admin', auth: 'admin', body: stopWordsSchema, ok: { status: 200, description: '`{ words }`' } },
  'POST /v1/admin/import/:kind/:board': { ...board, summary: "a batch of a board's ideas (idempotent by idea id)", body: importBodySchema, ok: { status: 200, description: '`{ imported }`' } },
  'POST /v1/admin/seed': { summary: 'start a widget with data', tag: 'admin', auth: 'admin', body: seedSchema, ok: { status: 200, description: '`{ seeded }`' } },
  'GET /v1/admin/service': { summary: "the team's service level: reply target (working hours) and working days and hours", tag: 'admin', auth: 'admin', ok: { status: 200, description: '`{ targetHours, timeZone, days, start, end }`' } },
  'PUT /v1/admin/service': { summary: "set the team's service level (audited)", tag: 'admin', auth: 'admin', body: serviceSchema, ok: { status: 200, description: 'the service level now in force' } },
  'GET /v1/admin/me': { summary: "who the token is: its name and role", tag: 'admin', auth: 'admin', ok: { status: 200, description: '`{ name, role }`' } },
  'GET /v1/admin/tokens': { summary: 'the live named admin tokens (never the tokens themselves)', tag: 'admin', auth: 'admin', ok: { status: 200, description: '`{ tokens: [{ id, name, role, createdAt, lastUsedAt? }] }`' } },
  'POST /v1/admin/tokens': { summary: 'make a named token with a role; the answer shows the token, once', tag: 'admin', auth: 'admin', body: tokenCreateSchema, ok: { status: 201, description: '`{ id, name, role, createdAt, token }`' } },
  'DELETE /v1/admin/tokens/:id': { summary: 'revoke a named token (refused at once from then on)', tag: 'admin', auth: 'admin', params: tokenParamsSchema, ok: done },
  'GET /v1/admin/audit': { summary: 'a page of the audit log, newest first (`next`: the next page\'s `before`)', tag: 'admin', auth: 'admin', query: auditQuerySchema, ok: { status: 200, description: '`{ entries: [{ id, at, actor, role, action, target, before, after }], next? }`' } },
  'GET /v1/admin/webhooks': { summary: 'the webhooks (never their secrets)', tag: 'admin', auth: 'admin', ok: { status: 200, description: '`{ webhooks: [{ id, url, events, active, createdAt }] }`' } },
  'POST /v1/admin/webhooks': { summary: 'make a webhook (https; the events it wants); the answer shows its signing secret, once', tag: 'admin', auth: 'admin', body: webhookCreateSchema, ok: { status: 201, description: '`{ id, url, events, active, createdAt, secret }`' } },
  'PUT /v1/admin/webhooks/:id': { summary: 'pause (`active: false`) or resume a webhook', tag: 'admin', auth: 'admin', params: webhookParamsSchema, body: webhookStateSchema, ok: { status: 200, description: 'the webhook' } },
  'DELETE /v1/admin/webhooks/:id': { summary: 'delete a webhook and its delivery log', tag: 'admin', auth: 'admin', params: webhookParamsSchema, ok: done },
  'GET /v1/admin/webhooks/:id/deliveries': { summary: "a page of a webhook's deliveries, newest first (`next`: the next page's `before`)", tag: 'admin', auth: 'admin', params: webhookParamsSchema, query: deliveriesQuerySchema, ok: { status: 200, description: '`{ deliveries: [{ id, eventId, type, status, attempts, lastCode?, lastError?, nextAt?, createdAt, doneAt? }], next? }`' } },
  'POST /v1/admin/webhooks/:id/deliveries/:delivery/replay': { summary: 'send a delivery again, now (a new round of attempts)', tag: 'admin', auth: 'admin', params: deliveryParamsSchema, ok: { status: 200, description: 'the delivery' } },
  'GET /v1/admin/export/audit.csv': { summary: 'the audit log (the newest 50,000 entries)', tag: 'admin', auth: 'admin', ok: { status: 200, description: 'CSV', type: 'text/csv' } },
};
