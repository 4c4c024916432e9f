/** The HTTP server's app: security headers, CORS, the body limit, JSON errors, the public and admin routes. */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { createHash } from 'node:crypto';
import { IDENTITY_HEADER, VOTER_HEADER } from '@kolo/core/http';
import type { IdentityVerifier } from '../identity/verify.ts';
import { LIMITS } from '@kolo/core';
import { errorLog } from '../error-log.ts';
import { compressAnswers } from './compress.ts';
import type { Live } from '../live.ts';
import type { Store } from '../store.ts';
import { adminRoutes } from './admin.ts';
import { addressGroup } from './client-address.ts';
import { fail } from './errors.ts';
import { publicRoutes } from './public.ts';
import { healthRoutes } from './health.ts';
import { openApiDocument } from './openapi.ts';
import type { Db } from '../db/types.ts';
import type { Logger } from '../observe/log.ts';
import type { Metrics } from '../observe/metrics.ts';
import { metricsRoute } from '../observe/metrics-route.ts';
import { idOf, observeRequests } from '../observe/requests.ts';

export interface AppOptions {
  store: Store;
  /** live streams of tallies */
  live: Live;
  adminToken: string | undefined;
  /** site origins allowed to call the public API from a browser; `*` for any */
  origins: string[];
  /** origins allowed to call the admin API from a browser (the team console's, when not the API's own) */
  adminOrigins?: string[] | undefined;
  /** the salt of IP hashes */
  ipSalt: string;
  /** the client's IP address */
  ip: (c: Context) => string;
  bodyLimit: number;
  /** the log of unexpected errors (default: a sampled one of its own) */
  logError?: ReturnType<typeof errorLog> | undefined;
  /** the database `/v1/ready` checks */
  db: Db;
  /** one line per request */
  log: Logger;
  metrics: Metrics;
  /** the bearer token of `/metrics` (without it: open in development, off in production) */
  metricsToken?: string | undefined;
  production: boolean;
  /** checks `Kolo-Identity` tokens (refuses them all when the server verifies no identities) */
  identity: IdentityVerifier;
  /** the server's public address (KOLO_PUBLIC_URL): the Atom feed's ids and links start with it, not with the request's Host */
  publicUrl?: string | undefined;
}

/**
 * CORS: the public API for the sites' origins (`origins`); the admin API never for them, only for the
 * origins in `adminOrigins` (none by default: the console is then served from the API's own origin).
 */
function corsFor(app: Hono, o: AppOptions) {
  const methods = ['GET', 'POST', 'PUT', 'DELETE'];
  const adminCors = cors({ origin: (origin) => ((o.adminOrigins ?? []).includes(origin) ? origin : null), allowMethods: methods, allowHeaders: ['Content-Type', 'Authorization'], maxAge: 600 });
  const publicCors = cors({
    origin: (origin) => (o.origins.includes('*') ? origin || '*' : o.origins.includes(origin) ? origin : null),
    allowMethods: methods,
    allowHeaders: ['Content-Type', 'Authorization', VOTER_HEADER, IDENTITY_HEADER],
    maxAge: 600,
  });
  // the routes `/v1/admin/*` matches are the admin API's (the same matcher routes them)
  const admin = new WeakSet<Context>();
  app.use('/v1/admin/*', (c, next) => {
    admin.add(c);
    return adminCors(c, next);
  });
  app.use('/v1/*', (c, next) => (admin.has(c) ? next() : publicCors(c, next)));
}

export function createApp(o: AppOptions) {
  const app = new Hono();
  // budgets and bans count an IPv6 client by its /64 (one home or one server holds a whole /64)
  const hashIp = (ip: string) => createHash('sha256').update(`${o.ipSalt}:${addressGroup(ip)}`).digest('hex').slice(0, 32);

  app.use('*', observeRequests({ log: o.log, metrics: o.metrics }));
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  corsFor(app, o);
  app.use('/v1/*', compressAnswers());
  const limit = (max: number) => bodyLimit({ maxSize: max, onError: (c) => fail(c, 'too-large', `the body is larger than ${max} bytes`) });
  const [small, batch] = [limit(o.bodyLimit), limit(Math.max(o.bodyLimit, LIMITS.importBytes))];
  // a batch of a board's import (admin only) may be bigger than any public request
  app.use('/v1/*', (c, next) => (c.req.path.startsWith('/v1/admin/import/') ? batch : small)(c, next));
  app.notFound((c) => fail(c, 'not-found', `no route ${c.req.method} ${c.req.path}`));
  // one sampled JSON line per unexpected error, without the query's values (see ../error-log.ts)
  const logError = o.logError ?? errorLog();
  app.onError((e, c) => {
    logError(e, { method: c.req.method, route: c.req.routePath, id: idOf(c) });
    return fail(c, 'internal', 'something went wrong on the server');
  });

  metricsRoute(app, { metrics: o.metrics, token: o.metricsToken, production: o.production, client: (c) => hashIp(o.ip(c)) });
  app.route('/v1', healthRoutes(o.db));
  app.route('/v1', publicRoutes({ store: o.store, live: o.live, ipHash: (c) => hashIp(o.ip(c)), onAction: o.metrics.action, identity: o.identity, publicUrl: o.publicUrl }));
  app.route('/v1/admin', adminRoutes({ store: o.store, adminToken: o.adminToken, hashIp, client: (c) => hashIp(o.ip(c)), prefix: '/v1/admin' }));
  // generated once, on first request, from the routes above (and itself)
  let openApi: object | undefined;
  app.get('/v1/openapi.json', (c) => c.json((openApi ??= openApiDocument(app.routes))));
  return app;
}
