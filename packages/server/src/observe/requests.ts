/**
 * Every request, observed once: its id (the client's or a proxy's `x-request-id` when it is a plain
 * token, else a new UUID; sent back in the answer's `x-request-id`), one log line and the metrics,
 * labelled by the route's pattern, never by the URL (bounded labels; no ids or queries in logs).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { requestId, type Logger } from './log.ts';
import type { Metrics } from './metrics.ts';

const ids = new WeakMap<Request, string>();

/** The id of the request `c` answers (set by `observeRequests`). */
export const idOf = (c: Context): string | undefined => ids.get(c.req.raw);

/**
 * The pattern of the route that answered, e.g. `/v1/widgets/:kind/:id`: the last matched handler's
 * (middleware is registered for every method); `(unmatched)` when none did (a 404, a CORS preflight).
 */
export function routeOf(c: Context): string {
  const handler = [...matchedRoutes(c)].reverse().find((r) => r.method !== 'ALL');
  return handler?.path ?? '(unmatched)';
}

export function observeRequests(o: { log: Logger; metrics: Metrics }): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    const id = requestId(c.req.header('x-request-id'));
    ids.set(c.req.raw, id);
    await next();
    try {
      c.res.headers.set('x-request-id', id);
    } catch {
      /* an answer with immutable headers keeps them */
    }
    const seconds = (performance.now() - start) / 1000;
    const route = routeOf(c);
    o.metrics.request(c.req.method, route, c.res.status, seconds);
    o.log.info({ reqId: id, method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 10_000) / 10 }, 'request');
  };
}
