import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { randomBytes } from 'node:crypto';
import { migrate } from './db/migrate.ts';
import { pgliteDb } from './db/pglite.ts';
import { postgresDb } from './db/postgres.ts';
import type { Db } from './db/types.ts';
import { createStore, type Store } from './store.ts';
import { createApp } from './app.ts';

export interface ServerConfig {
  port: number;
  host: string;
  /** PostgreSQL URL; without it, PGlite in `dataDir` (or in memory when that is empty) */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  adminToken?: string | undefined;
  origins: string[];
  ipSalt: string;
  production: boolean;
  ratePerVoter: number;
  ratePerIp: number;
  bodyLimit: number;
  /** days signals are kept */
  signalRetentionDays?: number;
  /** trust `X-Forwarded-For` (behind a load balancer) */
  trustProxy: boolean;
  heartbeat?: number;
}

/** Configuration from the environment (documented in README.md). Throws on a bad value. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const int = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${v}"`);
    return n;
  };
  const production = env.NODE_ENV === 'production';
  const config: ServerConfig = {
    port: int('PORT', 8787),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.KOLO_DATA_DIR || (env.DATABASE_URL ? undefined : '.kolo-data'),
    adminToken: env.KOLO_ADMIN_TOKEN || undefined,
    origins: (env.KOLO_ORIGINS || (production ? '' : '*')).split(',').map((s) => s.trim()).filter(Boolean),
    ipSalt: env.KOLO_IP_SALT || randomBytes(16).toString('hex'),
    production,
    ratePerVoter: int('KOLO_RATE_PER_VOTER', 30),
    ratePerIp: int('KOLO_RATE_PER_IP', 300),
    bodyLimit: int('KOLO_BODY_LIMIT', 32 * 1024),
    trustProxy: env.KOLO_TRUST_PROXY === '1',
    signalRetentionDays: int('KOLO_SIGNAL_RETENTION_DAYS', 400),
  };
  if (production && !config.adminToken) throw new Error('KOLO_ADMIN_TOKEN is required when NODE_ENV=production');
  if (production && !env.KOLO_IP_SALT) throw new Error('KOLO_IP_SALT is required when NODE_ENV=production (IP hashes must match across restarts and instances)');
  if (config.adminToken && config.adminToken.length < 16) throw new Error('KOLO_ADMIN_TOKEN must be at least 16 characters');
  return config;
}

export interface KoloServer {
  readonly url: string;
  readonly db: Db;
  readonly store: Store;
  /** stop taking requests, finish the ones in flight, close live streams and the database */
  close(): Promise<void>;
}

/** Open the database, migrate it, and serve the protocol. */
export async function startServer(config: ServerConfig): Promise<KoloServer> {
  const db = config.databaseUrl ? postgresDb(config.databaseUrl) : await pgliteDb(config.dataDir);
  await migrate(db);
  const store = createStore(db, config);
  const listeners = new Map<string, Set<() => void>>();
  const streams = new Set<() => void>();
  const unlisten = await db.listen('kolo', (key) => listeners.get(key)?.forEach((fn) => fn()));
  const app = createApp({
    store,
    adminToken: config.adminToken,
    origins: config.origins,
    ipSalt: config.ipSalt,
    bodyLimit: config.bodyLimit,
    heartbeat: config.heartbeat,
    streams,
    ip: (c) => (config.trustProxy && c.req.header('x-forwarded-for')?.split(',')[0]?.trim()) || getConnInfo(c).remote.address || 'unknown',
    subscribe(key, fn) {
      const set = listeners.get(key) ?? listeners.set(key, new Set()).get(key)!;
      set.add(fn);
      return () => set.delete(fn);
    },
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}`,
    db,
    store,
    close() {
      closing ??= (async () => {
        // no new connections; requests in flight finish; idle keep-alive and live streams end
        const http = server as unknown as { closeIdleConnections(): void; closeAllConnections(): void };
        const done = new Promise<void>((r) => server.close(() => r()));
        for (const end of [...streams]) end();
        for (const set of listeners.values()) set.clear();
        // keep-alive connections close as soon as their last response is out; after 10 s, everything does
        const idle = setInterval(() => http.closeIdleConnections(), 50);
        const hard = setTimeout(() => http.closeAllConnections(), 10_000);
        http.closeIdleConnections();
        await done;
        clearInterval(idle);
        clearTimeout(hard);
        await unlisten();
        await db.close();
      })();
      return closing;
    },
  };
}
