/**
 * `GET /metrics` in Prometheus' text format. With `KOLO_METRICS_TOKEN`, only for `Authorization: Bearer
 * <token>` (failed attempts throttled per address, as the admin API's); without it, open in
 * development and off in production (404), so a public server never shows its traffic by accident.
 */
import type { Context, Hono } from 'hono';
import { adminAuth } from '../http/admin-auth.ts';
import { fail } from '../http/errors.ts';
import type { Metrics } from './metrics.ts';

export interface MetricsRouteOptions {
  metrics: Metrics;
  token: string | undefined;
  production: boolean;
  /** the client's (hashed) address: failed attempts are counted under it */
  client: (c: Context) => string;
}

export function metricsRoute(app: Hono, o: MetricsRouteOptions) {
  if (o.token) app.use('/metrics', adminAuth({ adminToken: o.token, client: o.client, needed: 'the metrics bearer token (KOLO_METRICS_TOKEN)' }));
  app.get('/metrics', async (c) => {
    if (!o.token && o.production) return fail(c, 'not-found', 'metrics are off: set KOLO_METRICS_TOKEN to serve them');
    return c.body(await o.metrics.registry.metrics(), 200, { 'content-type': o.metrics.registry.contentType, 'cache-control': 'no-store' });
  });
}
