/** The HTTP server's app: security headers, CORS, the body limit, JSON errors, the public and admin routes. */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { createHash } from 'node:crypto';
import { VOTER_HEADER } from '@kolo/core/http';
import type { Live } from '../live.ts';
import type { Store } from '../store.ts';
import { adminRoutes } from './admin.ts';
import { addressGroup } from './client-address.ts';
import { fail } from './errors.ts';
import { publicRoutes } from './public.ts';

export interface AppOptions {
  store: Store;
  /** live streams of tallies */
  live: Live;
  adminToken: string | undefined;
  /** site origins allowed to call the API from a browser; `*` for any */
  origins: string[];
  /** the salt of IP hashes */
  ipSalt: string;
  /** the client's IP address */
  ip: (c: Context) => string;
  bodyLimit: number;
}

export function createApp(o: AppOptions) {
  const app = new Hono();
  // budgets and bans count an IPv6 client by its /64 (one home or one server holds a whole /64)
  const hashIp = (ip: string) => createHash('sha256').update(`${o.ipSalt}:${addressGroup(ip)}`).digest('hex').slice(0, 32);

  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (o.origins.includes('*') ? origin || '*' : o.origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowHeaders: ['Content-Type', 'Authorization', VOTER_HEADER],
      maxAge: 600,
    }),
  );
  app.use('/v1/*', bodyLimit({ maxSize: o.bodyLimit, onError: (c) => fail(c, 'too-large', `the body is larger than ${o.bodyLimit} bytes`) }));
  app.notFound((c) => fail(c, 'not-found', `no route ${c.req.method} ${c.req.path}`));
  app.onError((e, c) => {
    console.error(e);
    return fail(c, 'internal', 'something went wrong on the server');
  });

  app.route('/v1', publicRoutes({ store: o.store, live: o.live, ipHash: (c) => hashIp(o.ip(c)) }));
  app.route('/v1/admin', adminRoutes({ store: o.store, adminToken: o.adminToken, hashIp }));
  return app;
}
