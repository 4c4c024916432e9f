/** Start a server (database, migrations, live path, HTTP) and stop it cleanly. */
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { DEFAULTS, type ServerConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import type { Db } from './db/types.ts';
import { createApp } from './http/app.ts';
import { checkIdentityKey, identityVerifier } from './identity/verify.ts';
import { openLive } from './live.ts';
import { errorLog } from './error-log.ts';
import { createStore, type Store } from './store.ts';
import { startJobs, type Jobs } from './jobs.ts';
import { clientAddress, trustedRanges } from './http/client-address.ts';
import { createLogger, type Logger } from './observe/log.ts';
import { createMetrics, type Metrics } from './observe/metrics.ts';
import type { AppRoutes } from './http/openapi.ts';
import { mailer } from './follows/mailer.ts';

/** The mailer of follow emails, when the configuration names an SMTP server. */
function mailerOf(c: ServerConfig) {
  if (!c.smtpUrl) return undefined;
  if (!c.publicUrl) throw new Error('publicUrl (KOLO_PUBLIC_URL) is required with smtpUrl: the links in emails start with it');
  return mailer({ smtpUrl: c.smtpUrl, from: c.mailFrom ?? `Kolo <kolo@${new URL(c.publicUrl).hostname}>`, publicUrl: c.publicUrl, digestMs: c.digestMs ?? 600_000 });
}

export interface KoloServer {
  readonly url: string;
  readonly db: Db;
  readonly store: Store;
  /** the JSON log (pino) */
  readonly log: Logger;
  /** the Prometheus metrics served at `/metrics` */
  readonly metrics: Metrics;
  /** the routes it serves (method and pattern; the OpenAPI document describes each) */
  readonly routes: AppRoutes;
  /** the work it does on its own clock (./jobs.ts): `jobs.run()` runs them now */
  readonly jobs: Jobs;
  /** stop taking requests, finish the ones in flight, close live streams and the database */
  close(): Promise<void>;
}

/**
 * Slow clients: the time to send the headers, and the whole request (a live stream's request is its
 * headers, so a stream outlives it), and to idle on a keep-alive connection; checked every second at most.
 */
const timeouts = (c: typeof DEFAULTS) => ({
  headersTimeout: c.headersTimeout,
  requestTimeout: c.requestTimeout,
  keepAliveTimeout: c.keepAliveTimeout,
  connectionsCheckingInterval: Math.min(1000, Math.max(100, c.headersTimeout / 2 || 1000)),
});

/** Open the database, migrate it, and serve the protocol. */
export async function startServer(given: ServerConfig): Promise<KoloServer> {
  const config = { ...DEFAULTS, ...given };
  await checkIdentityKey(config.identity);
  const log = createLogger(config.logLevel ?? 'info', config.logDestination);
  const metrics = createMetrics();
  const pool = 10;
  const raw = await openDatabase(config, pool);
  const db = metrics.instrument(raw);
  await migrate(db);
  const mail = mailerOf(config);
  const store = createStore(db, { ...config, mail, onWebhookOutcome: (outcome) => metrics.webhook(outcome) });
  // one sampled log of unexpected errors, for requests and for live streams
  const logError = errorLog();
  const live = await openLive(db, { heartbeat: config.heartbeat, streamsPerIp: config.streamsPerIp, onError: (e) => logError(e, { method: 'GET', route: '(live stream)' }) });
  metrics.watch({ streams: () => live.open, pool: () => (db.driver === 'postgres' ? pool : 1) });
  const trust = typeof config.trustProxy === 'number' ? config.trustProxy : trustedRanges(config.trustProxy);
  const app = createApp({
    store,
    live,
    adminToken: config.adminToken,
    origins: config.origins,
    adminOrigins: config.adminOrigins,
    ipSalt: config.ipSalt,
    bodyLimit: config.bodyLimit,
    logError,
    db,
    log,
    metrics,
    metricsToken: config.metricsToken,
    production: config.production,
    identity: identityVerifier(config.identity, config.ipSalt),
    publicUrl: config.publicUrl,
    ip: (c) => clientAddress(c.req.header('x-forwarded-for'), getConnInfo(c).remote.address, trust),
  });
  const jobs = startJobs(store.jobs, { tick: config.jobTick ?? 1000, onError: (e, job) => logError(e, { method: 'JOB', route: job }) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: timeouts(config) }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}`,
    db,
    store,
    log,
    metrics,
    jobs,
    routes: app.routes.filter((r) => r.method !== 'ALL').map(({ method, path }) => ({ method, path })),
    close() {
      closing ??= (async () => {
        // no new connections; requests in flight finish; idle keep-alive and live streams end
        const http = server as unknown as { closeIdleConnections(): void; closeAllConnections(): void };
        const done = new Promise<void>((r) => server.close(() => r()));
        live.end();
        const idleJobs = jobs.stop();
        // keep-alive connections close as soon as their last response is out; after 10 s, everything does
        const idle = setInterval(() => http.closeIdleConnections(), 50);
        const hard = setTimeout(() => http.closeAllConnections(), 10_000);
        http.closeIdleConnections();
        await done;
        clearInterval(idle);
        clearTimeout(hard);
        await live.close();
        await idleJobs;
        mail?.close();
        await db.close();
      })();
      return closing;
    },
  };
}
