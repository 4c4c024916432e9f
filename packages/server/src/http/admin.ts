/**
 * The admin API, behind a bearer token: the environment's (the bootstrap owner) or a named one with a role;
 * every route's role and audit in one table (./admin-rules.ts). Documented in README.md.
 */
import { Hono, type Context } from 'hono';
import { ideasCsv, resultsCsv } from '../admin/export.ts';
import type { Store } from '../store.ts';
import { adminAuth, type AdminEnv } from './admin-auth.ts';
import { attachment, done } from './admin-answers.ts';
import { adminRoles } from './admin-roles.ts';
import { teamRoutes } from './admin-team.ts';
import { webhookRoutes } from './admin-webhooks.ts';
import { fail } from './errors.ts';
import { adminQuery, isRefused } from '../boards/query.ts';
import {
  adminIdeasQuerySchema,
  banParamsSchema,
  banSchema,
  boardParamsSchema,
  definitionsBodySchema,
  importBodySchema,
  mergeBodySchema,
  metricsQuerySchema,
  moderateBodySchema,
  rulesSchemaOf,
  queueQuerySchema,
  roleAllows,
  seedSchema,
  serviceSchema,
  stopWordsSchema,
  widgetParamsSchema,
  widgetSettingsSchema,
  workingHoursOf,
  type WidgetDefinition,
} from '@kolo/core';
import { body, isResponse, params, rules } from './validate.ts';

export interface AdminOptions {
  store: Store;
  adminToken: string | undefined;
  /** the salted hash of an IP address */
  hashIp: (ip: string) => string;
  /** the client's address (hashed): failed sign-ins are throttled per address */
  client: (c: Context) => string;
  /** where the API is mounted (`/v1/admin`) */
  prefix: string;
}

const lang = (c: Context) => c.req.param('lang')!.slice(0, 20);

export function adminRoutes(o: AdminOptions) {
  const admin = new Hono<AdminEnv>();
  admin.use('*', adminAuth({ adminToken: o.adminToken, client: o.client, member: o.store.memberOf }));
  admin.use('*', adminRoles({ prefix: o.prefix, snapshots: o.store.snapshots, record: o.store.audit }));
  teamRoutes(admin, o.store);
  webhookRoutes(admin, o.store);
  readRoutes(admin, o.store);
  ideaRoutes(admin, o.store);
  settingRoutes(admin, o.store);
  /** The hash a ban on an IP needs (the server never stores addresses). */
  admin.get('/ip-hash/:ip', (c) => c.json({ hash: o.hashIp(c.req.param('ip')) }));
  return admin;
}

/** Lists, exports and metrics. */
function readRoutes(admin: Hono<AdminEnv>, store: Store) {
  // a page of a board's ideas (every status, or `status`), newest first (`sort=left`: oldest first); `queue/…`: its
  // ones waiting for moderation; each waiting item with its reply clock at `asOf` (default now)
  const page = (waiting: boolean) => async (c: Context) => {
    const b = params(c, boardParamsSchema, c.req.param());
    if (isResponse(b)) return b;
    const p = params(c, adminIdeasQuerySchema, c.req.query());
    if (isResponse(p)) return p;
    const q = adminQuery(waiting ? { ...p, status: 'pending' } : p);
    if (isRefused(q)) return fail(c, 'invalid', q.message, { field: q.field, rule: q.rule });
    return c.json(await store.ideas(b.kind, b.board, q, p.asOf));
  };
  admin.get('/ideas/:kind/:board', page(false));
  admin.get('/queue', async (c) => {
    const q = params(c, queueQuerySchema, c.req.query());
    if (isResponse(q)) return q;
    return c.json({ ideas: await store.queue(q.sort === 'new', q.asOf) });
  });
  admin.get('/queue/:kind/:board', page(true));
  admin.get('/widgets', async (c) => c.json({ widgets: await store.widgets() }));
  admin.get('/bans', async (c) => c.json({ bans: await store.bans() }));
  admin.get('/export/results.csv', async (c) => attachment(c, 'kolo-results.csv', resultsCsv(await store.widgets())));
  admin.get('/export/ideas.csv', async (c) => {
    // people's voter ids and contacts are for those who moderate them (bans, answers), not for analysts:
    // a voter id is what a browser acts with
    const people = roleAllows(c.get('member').role, 'moderator');
    const contact = c.req.query('contact') === '1';
    if (contact && !people) return fail(c, 'forbidden', `contact: the contacts people left need the moderator role; the token "${c.get('member').name}" is ${c.get('member').role}`, { field: 'contact', rule: 'moderator' });
    return attachment(c, 'kolo-ideas.csv', ideasCsv(await store.allIdeas(), { author: people, contact }));
  });
  admin.get('/metrics', async (c) => {
    const q = params(c, metricsQuerySchema, c.req.query());
    if (isResponse(q)) return q;
    if (Date.parse(q.from) > Date.parse(q.to)) return fail(c, 'invalid', 'from: must not be after to', { field: 'from', rule: 'range' });
    const w = q.work === 'team' ? undefined : q.work?.split(/[-,]/).map(Number);
    const workingHours = q.work === 'team' ? workingHoursOf(await store.service()) : w && { timeZone: q.tz, days: Array.from({ length: w[1]! - w[0]! + 1 }, (_, i) => w[0]! + i), start: w[2]!, end: w[3]! };
    return c.json(await store.metrics({ from: q.from, to: q.to, timeZone: q.tz, targetHours: q.target, workingHours, asOf: q.asOf }));
  });
}

/** Moderation and merges. */
function ideaRoutes(admin: Hono<AdminEnv>, store: Store) {
  admin.post('/ideas/:kind/:board/:idea', async (c) => {
    const b = params(c, boardParamsSchema, c.req.param());
    if (isResponse(b)) return b;
    const d = await body(c, moderateBodySchema);
    if (isResponse(d)) return d;
    return done(c, () => store.moderate(b.kind, b.board, c.req.param('idea'), d));
  });
  admin.post('/ideas/:kind/:board/:idea/merge', async (c) => {
    const b = params(c, boardParamsSchema, c.req.param());
    if (isResponse(b)) return b;
    const m = await body(c, mergeBodySchema);
    if (isResponse(m)) return m;
    return done(c, () => store.merge(b.kind, b.board, c.req.param('idea'), m.into));
  });
}

/** Widget settings, the service level, bans, stop words, seeds. */
function settingRoutes(admin: Hono<AdminEnv>, store: Store) {
  // the reply target and working hours (./service/settings.ts)
  admin.get('/service', async (c) => c.json(await store.service()));
  admin.put('/service', async (c) => {
    const s = await body(c, serviceSchema);
    if (isResponse(s)) return s;
    return c.json(await store.setService(s));
  });
  admin.put('/widgets/:kind/:id', async (c) => {
    const w = params(c, widgetParamsSchema, c.req.param());
    if (isResponse(w)) return w;
    const s = await body(c, widgetSettingsSchema);
    if (isResponse(s)) return s;
    const r = rules(c, w.kind, s.rules);
    if (isResponse(r)) return r;
    return done(c, () => store.settings(w.kind, w.id, { rules: r, slowSeconds: s.slowSeconds }));
  });
  // many widgets at once, as `kolo-server register` sends them
  admin.put('/definitions', async (c) => {
    const d = await body(c, definitionsBodySchema);
    if (isResponse(d)) return d;
    // kept as the kind's schema reads them (no unknown keys), so an unchanged page changes nothing
    const definitions = d.definitions.map((x) => ({ ...x, rules: rulesSchemaOf(x.kind).parse(x.rules) }) as WidgetDefinition);
    return c.json({ changed: await store.define(definitions) });
  });
  admin.post('/bans', async (c) => {
    const b = await body(c, banSchema);
    if (isResponse(b)) return b;
    return done(c, () => store.ban(b));
  });
  admin.delete('/bans/:type/:value', async (c) => {
    const b = params(c, banParamsSchema, c.req.param());
    if (isResponse(b)) return b;
    return done(c, () => store.unban(b.type, b.value));
  });
  admin.get('/stop-words/:lang', async (c) => c.json({ words: await store.stopWords(lang(c)) }));
  admin.put('/stop-words/:lang', async (c) => {
    const s = await body(c, stopWordsSchema);
    if (isResponse(s)) return s;
    return c.json({ words: await store.stopWords(lang(c), s.words) });
  });
  // a big board's ideas in batches (idempotent by idea id)
  admin.post('/import/:kind/:board', async (c) => {
    const b = params(c, boardParamsSchema, c.req.param());
    if (isResponse(b)) return b;
    const i = await body(c, importBodySchema);
    if (isResponse(i)) return i;
    return c.json({ imported: await store.importIdeas(b.kind, b.board, i.ideas) });
  });
  admin.post('/seed', async (c) => {
    const s = await body(c, seedSchema);
    if (isResponse(s)) return s;
    const r = rules(c, s.kind, s.rules);
    if (isResponse(r)) return r;
    return c.json({ seeded: await store.seed({ ...s, rules: r }) });
  });
}
