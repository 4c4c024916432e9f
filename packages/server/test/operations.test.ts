// Operating the server: request logs (pino) without personal data, request ids, Prometheus metrics
// and their protection, liveness and readiness.
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readiness } from '../src/http/health.ts';
import { migrations } from '../src/db/migrate.ts';
import type { Db } from '../src/db/types.ts';
import { startServer } from '../src/index.ts';
import { TOKEN, as, client, drivers, freshDatabase, serverFor, testConfig, vote } from './harness.ts';

/** A log destination that keeps its lines. */
function lines() {
  const kept: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (kept.push(...String(chunk).split('\n').filter(Boolean)), done()) });
  return { stream, kept, json: () => kept.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** One sample's value from Prometheus' text format. */
const sample = (text: string, name: string, labels = '') => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
};

const version = (await import('../package.json', { with: { type: 'json' } })).default.version;

describe.each(drivers)('operating the server on $name', ({ url }) => {
  const log = lines();
  const ctx = serverFor(url, { logLevel: 'info', logDestination: log.stream });

  it('logs one JSON line per request with its id, method, route pattern, status and time, and no personal data', async () => {
    const voter = 'v-secret-4c1d';
    const ip = '203.0.113.99';
    log.kept.length = 0;
    const ok = await ctx.api.post('/v1/actions', vote('ops-poll', voter, ['a']), { 'x-forwarded-for': ip, 'x-request-id': 'req-42' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toBe('req-42');
    const read = await ctx.api.get('/v1/widgets/poll/ops-poll?secret-query=1', { ...as(voter), 'x-forwarded-for': ip, 'x-request-id': 'bad id <script>' });
    expect(read.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await ctx.api.admin('GET', '/widgets');
    await ctx.api.get('/v1/no-such-route');
    const out = log.json();
    expect(out.map((l) => [l.method, l.route, l.status])).toEqual([
      ['POST', '/v1/actions', 200],
      ['GET', '/v1/widgets/:kind/:id', 200],
      ['GET', '/v1/admin/widgets', 200],
      ['GET', '(unmatched)', 404],
    ]);
    expect(out[0]).toMatchObject({ level: 'info', msg: 'request', reqId: 'req-42' });
    expect(out[1]!.reqId).toBe(read.headers.get('x-request-id'));
    for (const l of out) {
      expect(Object.keys(l).sort()).toEqual(['level', 'method', 'ms', 'msg', 'reqId', 'route', 'status', 'time']);
      expect(typeof l.ms).toBe('number');
    }
    const text = log.kept.join('\n');
    for (const secret of [voter, ip, TOKEN, 'secret-query', 'ops-poll', '<script>']) expect(text).not.toContain(secret);
  });

  it('counts requests, accepted and refused actions, database statements and open live streams at /metrics', async () => {
    await ctx.api.post('/v1/actions', vote('ops-metrics', 'v-m1', ['a']));
    await ctx.api.post('/v1/actions', vote('ops-metrics', 'v-m2', ['b']));
    await ctx.api.post('/v1/actions', vote('ops-metrics', 'v-m1', ['b'])); // already voted
    const abort = new AbortController();
    const stream = await fetch(`${ctx.server.url}/v1/widgets/poll/ops-metrics/events`, { headers: as('v-m3'), signal: abort.signal });
    expect(stream.status).toBe(200);
    const during = await ctx.api.get('/metrics');
    expect(during.headers.get('content-type')).toContain('text/plain');
    const m = during.body as string;
    expect(sample(m, 'kolo_actions_total', 'type="vote",outcome="accepted"')).toBeGreaterThanOrEqual(2);
    expect(sample(m, 'kolo_actions_total', 'type="vote",outcome="already-voted"')).toBe(1);
    expect(sample(m, 'kolo_http_requests_total', 'method="POST",route="/v1/actions",status="409"')).toBe(1);
    expect(sample(m, 'kolo_http_request_duration_seconds_count', 'method="POST",route="/v1/actions"')).toBeGreaterThanOrEqual(3);
    expect(sample(m, 'kolo_live_streams_open')).toBe(1);
    expect(sample(m, 'kolo_db_queries_total', 'outcome="ok"')).toBeGreaterThan(3);
    expect(sample(m, 'kolo_db_query_duration_seconds_count')).toBeGreaterThan(3);
    expect(sample(m, 'kolo_db_pool_max_connections')).toBe(url ? 10 : 1);
    expect(sample(m, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(m).not.toContain('v-m1');
    abort.abort();
    await expect.poll(async () => sample((await ctx.api.get('/metrics')).body, 'kolo_live_streams_open'), { timeout: 5000 }).toBe(0);
  });

  it('answers /v1/health without the database, and /v1/ready with the version once migrations are current (503 when not)', async () => {
    expect((await ctx.api.get('/v1/health')).body).toEqual({ ok: true });
    const expected = Math.max(...migrations().map((x) => x.version));
    const ready = await ctx.api.get('/v1/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ok: true, version, database: { driver: url ? 'postgres' : 'pglite', reachable: true }, migrations: { applied: expected, expected } });
    // the database lacks this version's last migration (an older schema): not ready
    await ctx.server.db.query('delete from kolo_migrations where version = $1', [expected]);
    try {
      const behind = await ctx.api.get('/v1/ready');
      expect(behind.status).toBe(503);
      expect(behind.body).toMatchObject({ ok: false, migrations: { applied: expected - 1, expected } });
    } finally {
      await ctx.server.db.query('insert into kolo_migrations (version) values ($1)', [expected]);
    }
    expect((await ctx.api.get('/v1/ready')).status).toBe(200);
  });
});

describe('/metrics protection', () => {
  const metricsToken = randomBytes(32).toString('base64url');
  const withToken = serverFor(undefined, { metricsToken });
  const production = serverFor(undefined, { production: true });

  it('asks for KOLO_METRICS_TOKEN when it is set, and is off in production without it', async () => {
    expect((await withToken.api.get('/metrics')).status).toBe(401);
    expect((await withToken.api.get('/metrics', { authorization: `Bearer ${TOKEN}` })).status).toBe(401);
    const ok = await withToken.api.get('/metrics', { authorization: `Bearer ${metricsToken}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('kolo_http_requests_total');
    const off = await production.api.get('/metrics');
    expect(off.status).toBe(404);
    expect(off.body.error.message).toContain('KOLO_METRICS_TOKEN');
  });
});

describe('readiness of a database that does not answer', () => {
  it('is not ready, and says so without the driver message', async () => {
    const silent = { driver: 'postgres', query: () => new Promise(() => {}) } as unknown as Db;
    expect(await readiness(silent, 50)).toMatchObject({ ok: false, database: { reachable: false } });
    const refusing = { driver: 'postgres', query: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432 user kolo'), { code: 'ECONNREFUSED' })) } as unknown as Db;
    const r = await readiness(refusing);
    expect(r).toMatchObject({ ok: false, database: { reachable: false, error: 'Error ECONNREFUSED' } });
    expect(JSON.stringify(r)).not.toContain('10.1.2.3');
  });
});

describe.skipIf(!process.env.KOLO_TEST_DATABASE_URL)('readiness when PostgreSQL goes away', () => {
  it('answers /v1/ready with 503 (reachable: false) while /v1/health stays 200', async () => {
    const target = await freshDatabase(process.env.KOLO_TEST_DATABASE_URL);
    const server = await startServer(testConfig({ databaseUrl: target.databaseUrl }));
    try {
      const api = client(server);
      expect((await api.get('/v1/ready')).status).toBe(200);
      await target.drop(); // drops the database, closing its connections
      const r = await api.get('/v1/ready');
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ ok: false, database: { driver: 'postgres', reachable: false } });
      expect(JSON.stringify(r.body)).not.toContain('127.0.0.1');
      expect((await api.get('/v1/health')).status).toBe(200);
    } finally {
      await server.close().catch(() => {});
    }
  });
});
