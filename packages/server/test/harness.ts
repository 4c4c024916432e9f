import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { VOTER_HEADER, readEvents } from '@kolo/core/http';
import { startServer, type KoloServer, type ServerConfig } from '../src/index.ts';
import { formTokens } from '../src/actions/form-token.ts';

/** the admin token of test servers: random, like the ones the configuration accepts */
export const TOKEN = randomBytes(32).toString('base64url');
const pgUrl = process.env.KOLO_TEST_DATABASE_URL;

/** PGlite always; PostgreSQL too when KOLO_TEST_DATABASE_URL points at a server (CI starts one). */
export const drivers: { name: string; url: string | undefined }[] = [{ name: 'PGlite', url: undefined }, ...(pgUrl ? [{ name: 'PostgreSQL', url: pgUrl }] : [])];

/** A fresh, empty database for one test file: a new PostgreSQL database, or PGlite in memory / in `dataDir`. */
export async function freshDatabase(url: string | undefined) {
  if (!url) return { databaseUrl: undefined, drop: async () => {} };
  const name = `kolo_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    databaseUrl: u.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export const testConfig = (over: Partial<ServerConfig> = {}): ServerConfig => ({
  port: 0,
  host: '127.0.0.1',
  origins: ['https://site.example'],
  ipSalt: 'test-salt',
  production: false,
  ratePerVoter: 100_000,
  ratePerIp: 1_000_000,
  bodyLimit: 32 * 1024,
  trustProxy: 1,
  adminToken: TOKEN,
  heartbeat: 500,
  // the tests load the server from its own process, so a client starved by that load is not a slow
  // client: no header or request time-outs (the slow-client tests set their own)
  headersTimeout: 0,
  requestTimeout: 0,
  // quiet: the tests of the log give their own destination
  logLevel: 'silent',
  // the server's own jobs run when a test calls `server.jobs.run()`, not on a clock
  jobTick: 0,
  ...over,
});

export interface Client {
  server: KoloServer;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>;
  admin(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
}

export function client(server: KoloServer): Client {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(server.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: the test will say so */
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };
  return {
    server,
    post: (path, body, headers) => call('POST', path, body, headers),
    get: (path, headers) => call('GET', path, undefined, headers),
    admin: (method, path, body, token = TOKEN) => call(method, `/v1/admin${path}`, body, { authorization: `Bearer ${token}` }),
  };
}

/**
 * A board's form token as a test server signs it (with the test configuration's salt), issued `ago`
 * ms before now: an idea sent with it was filled in for that long, on the server's clock.
 */
export const formToken = (board: string, kind = 'ideas', ago = 60_000) => formTokens(testConfig().ipSalt).issue(kind, board, Date.now() - ago);

let n = 0;
/** A unique idempotency key. */
export const key = (prefix = 'a') => `${prefix}-${Date.now().toString(36)}-${(n++).toString(36)}-${randomBytes(3).toString('hex')}`;
export const now = () => new Date().toISOString();

export const vote = (widget: string, voter: string, choices: string[], over: Record<string, unknown> = {}) => ({
  type: 'vote',
  id: key('v'),
  voter,
  widget: { kind: 'poll', id: widget },
  choices,
  policy: { options: ['a', 'b', 'c'], multiple: false, change: false },
  at: now(),
  ...over,
});

/**
 * An idea for `board` under `policy`, filled in for 10 s, with a form token for its widget (a board of
 * ideas unless `over.widget` says otherwise) issued a minute ago.
 */
export const idea = (board: string, voter: string, title: string, policy: object, over: Record<string, unknown> = {}) => {
  const widget = (over.widget as { kind: string; id: string } | undefined) ?? { kind: 'ideas', id: board };
  return {
    type: 'idea',
    id: key('i'),
    voter,
    widget,
    idea: { title },
    honeypot: '',
    startedAt: new Date(Date.now() - 10_000).toISOString(),
    form: formToken(widget.id, widget.kind),
    policy,
    at: now(),
    ...over,
  };
};

/** The header that says whose view a read is for (the voter id never goes in the address). */
export const as = (voter: string) => ({ [VOTER_HEADER]: encodeURIComponent(voter) });

/** Read Server-Sent Events from `url` as `voter` until `until` says stop; resolves with the tallies received. */
export async function sse(url: string, voter: string, until: (tallies: any[]) => boolean, timeout = 5000): Promise<any[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  const tallies: any[] = [];
  try {
    const res = await fetch(url, { signal: abort.signal, headers: as(voter) });
    await readEvents(res.body!, (_event, data) => {
      tallies.push(JSON.parse(data).view);
      return until(tallies);
    });
  } catch {
    /* aborted */
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return tallies;
}

/** A server for one `describe` block: on a fresh database of `url` (PostgreSQL) or PGlite in memory. */
export function serverFor(url: string | undefined, over: Partial<ServerConfig> = {}) {
  const ctx = {} as { server: KoloServer; api: Client };
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const db = await freshDatabase(url);
    drop = db.drop;
    ctx.server = await startServer(testConfig({ ...over, databaseUrl: db.databaseUrl }));
    ctx.api = client(ctx.server);
  });
  afterAll(async () => {
    await ctx.server?.close();
    await drop();
  });
  return ctx;
}
