/**
 * Prometheus metrics (prom-client), one registry per server: HTTP requests by route pattern and status,
 * their latency, actions by type and outcome, live streams open, database queries (count, latency, in
 * flight) and the pool's size, plus Node's process metrics. Served at `/metrics` (./metrics-route.ts).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db, Queryable } from '../db/types.ts';

export type Metrics = ReturnType<typeof createMetrics>;

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The metrics of one server; `watch` tells it how to read the gauges it samples when scraped. */
export function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const sampled = { streams: () => 0, pool: () => 0 };
  const requests = new Counter({ name: 'kolo_http_requests_total', help: 'HTTP requests by method, route pattern and status', labelNames: ['method', 'route', 'status'], registers });
  const latency = new Histogram({
    name: 'kolo_http_request_duration_seconds',
    help: 'time to answer an HTTP request (a live stream: to its headers), by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const actions = new Counter({ name: 'kolo_actions_total', help: 'actions (votes, answers, ideas, upvotes) by type and outcome: accepted, or the reason of the refusal', labelNames: ['type', 'outcome'], registers });
  new Gauge({ name: 'kolo_live_streams_open', help: 'live streams (Server-Sent Events) open on this server', registers, collect() { this.set(sampled.streams()); } });
  const webhooks = new Counter({ name: 'kolo_webhook_deliveries_total', help: 'webhook delivery attempts by outcome: delivered (2xx), retry (failed, tried again later), failed (given up)', labelNames: ['outcome'], registers });
  const queries = new Counter({ name: 'kolo_db_queries_total', help: 'database statements sent, by outcome (ok or error)', labelNames: ['outcome'], registers });
  const queryLatency = new Histogram({ name: 'kolo_db_query_duration_seconds', help: 'time a database statement takes (its wait for a connection included)', buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5], registers });
  const inFlight = new Gauge({ name: 'kolo_db_queries_in_flight', help: 'database statements sent and not answered yet', registers });
  new Gauge({ name: 'kolo_db_pool_max_connections', help: 'connections the database pool may open (PGlite: 1)', registers, collect() { this.set(sampled.pool()); } });

  /** `query` of `q`, counted and timed. */
  const timed = (q: Queryable): Queryable['query'] =>
    async (sql, params, options) => {
      const end = queryLatency.startTimer();
      inFlight.inc();
      try {
        const rows = await q.query(sql, params, options);
        queries.inc({ outcome: 'ok' });
        return rows as never;
      } catch (e) {
        queries.inc({ outcome: 'error' });
        throw e;
      } finally {
        inFlight.dec();
        end();
      }
    };

  return {
    registry,
    watch(o: Partial<typeof sampled>) {
      Object.assign(sampled, o);
    },
    request(method: string, route: string, status: number, seconds: number) {
      const m = METHODS.has(method) ? method : 'OTHER';
      requests.inc({ method: m, route, status: String(status) });
      latency.observe({ method: m, route }, seconds);
    },
    action(type: string, outcome: string) {
      actions.inc({ type, outcome });
    },
    webhook(outcome: 'delivered' | 'retry' | 'failed') {
      webhooks.inc({ outcome });
    },
    /** `db` with every statement (in transactions too) counted and timed. */
    instrument(db: Db): Db {
      return {
        driver: db.driver,
        query: timed(db),
        transaction: (fn) => db.transaction((tx) => fn({ query: timed(tx) })),
        listen: (channel, fn) => db.listen(channel, fn),
        notify: (channel, payload) => db.notify(channel, payload),
        close: () => db.close(),
      };
    },
  };
}
