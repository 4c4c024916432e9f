// The admin API's guard: failed attempts throttled per address, CORS never open to the sites' origins,
// tokens with real entropy. Real HTTP on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { configFromEnv } from '../src/config.ts';
import { failureWindow } from '../src/http/admin-auth.ts';
import { startServer, type KoloServer } from '../src/index.ts';
import { TOKEN, drivers, freshDatabase, serverFor, testConfig } from './harness.ts';

/** `n` admin requests from `address` (the one trusted proxy's entry), `batch` at a time; their statuses and headers. */
async function attempts(url: string, address: string, token: string, n: number, batch = 50) {
  const out: { status: number; retryAfter: string | null; reason?: string }[] = [];
  for (let i = 0; i < n; i += batch) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(batch, n - i) }, async () => {
        const r = await fetch(`${url}/v1/admin/bans`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address } });
        const body = (await r.json()) as { error?: { reason: string } };
        return { status: r.status, retryAfter: r.headers.get('retry-after'), ...(body.error ? { reason: body.error.reason } : {}) };
      }),
    );
    out.push(...answers);
  }
  return out;
}
const tally = (list: { status: number }[]) => list.reduce<Record<number, number>>((t, a) => ({ ...t, [a.status]: (t[a.status] ?? 0) + 1 }), {});

describe('the failure window', () => {
  it('slides, and forgets addresses beyond its cap', () => {
    let t = 0;
    const w = failureWindow({ limit: 3, windowMs: 60_000, maxKeys: 100, now: () => t });
    for (const at of [0, 20_000, 40_000]) {
      t = at;
      expect(w.wait('a')).toBe(0);
      w.add('a');
    }
    t = 45_000;
    expect(w.wait('a')).toBe(15); // the first failure leaves the window at 60 s
    t = 60_001;
    expect(w.wait('a')).toBe(0);
    for (let i = 0; i < 10_000; i++) w.add(`k${i}`);
    expect(w.size).toBe(100);
  });
});

describe.each(drivers)('the admin guard on $name', ({ url }) => {
  const ctx = serverFor(url); // one trusted proxy: the test sets the client address with X-Forwarded-For

  it('answers 429 with Retry-After after 10 failed attempts from one address, without checking the token', async () => {
    const wrong = randomBytes(32).toString('base64url');
    const guesses = await attempts(ctx.server.url, '198.51.100.20', wrong, 500);
    // before: every one of 500 guesses was checked (500 × 401)
    expect(tally(guesses)).toEqual({ 401: 10, 429: 490 });
    const refused = guesses.filter((g) => g.status === 429);
    expect(refused.every((g) => g.reason === 'rate' && Number(g.retryAfter) >= 1 && Number(g.retryAfter) <= 60)).toBe(true);
    // the right token from that address waits too; another address is not affected
    expect((await attempts(ctx.server.url, '198.51.100.20', TOKEN, 1))[0]!.status).toBe(429);
    expect((await attempts(ctx.server.url, '198.51.100.21', TOKEN, 1))[0]!.status).toBe(200);
  });

  it('neither counts nor limits successful requests', async () => {
    expect(tally(await attempts(ctx.server.url, '198.51.100.30', TOKEN, 200))).toEqual({ 200: 200 });
    expect(tally(await attempts(ctx.server.url, '198.51.100.30', 'wrong', 9))).toEqual({ 401: 9 });
    expect(tally(await attempts(ctx.server.url, '198.51.100.30', TOKEN, 20))).toEqual({ 200: 20 });
  });
});

describe.each(drivers)('CORS of the admin API on $name', ({ url }) => {
  let server: KoloServer;
  let drop = async () => {};
  beforeAll(async () => {
    const db = await freshDatabase(url);
    drop = db.drop;
    // development's default: every site origin may call the public API
    server = await startServer(testConfig({ databaseUrl: db.databaseUrl, origins: ['*'], adminOrigins: ['https://console.example'] }));
  });
  afterAll(async () => {
    await server?.close();
    await drop();
  });
  const allowed = async (path: string, origin: string, preflight: boolean) => {
    const headers: Record<string, string> = preflight ? { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } : { origin, authorization: `Bearer ${TOKEN}` };
    const r = await fetch(server.url + path, { method: preflight ? 'OPTIONS' : 'GET', headers });
    await r.arrayBuffer();
    return r.headers.get('access-control-allow-origin');
  };

  it('gives other origins no Access-Control-Allow-Origin on admin routes, preflight or not', async () => {
    for (const preflight of [true, false]) {
      expect(await allowed('/v1/admin/bans', 'https://evil.example', preflight)).toBeNull();
      expect(await allowed('/v1/admin/export/ideas.csv', 'https://evil.example', preflight)).toBeNull();
      expect(await allowed('/v1/admin/bans', 'https://console.example', preflight)).toBe('https://console.example');
    }
  });

  it('keeps the public routes open to the allowed origins', async () => {
    for (const preflight of [true, false]) expect(await allowed('/v1/widgets/poll/cors-check', 'https://evil.example', preflight)).toBe('https://evil.example');
  });
});

describe('configuration of the admin API', () => {
  const withToken = (token: string) => () => configFromEnv({ KOLO_ADMIN_TOKEN: token });

  it('refuses tokens without real entropy, and says how to make one', () => {
    for (const weak of ['test-admin-token-0123456789', 'x'.repeat(40), 'abcdefghij'.repeat(4), 'abcdefghijklmnopqrstuvwxyz012345', 'correct-horse-battery-staple-xyz!']) {
      expect(withToken(weak), weak).toThrow('openssl rand -base64 32');
    }
    for (let i = 0; i < 200; i++) for (const token of [randomBytes(32).toString('base64'), randomBytes(32).toString('hex')]) expect(configFromEnv({ KOLO_ADMIN_TOKEN: token }).adminToken).toBe(token);
  });

  it('reads KOLO_ADMIN_ORIGINS, empty by default, never *', () => {
    expect(configFromEnv({}).adminOrigins).toEqual([]);
    expect(configFromEnv({ KOLO_ADMIN_ORIGINS: 'http://127.0.0.1:5173, http://localhost:5173' }).adminOrigins).toEqual(['http://127.0.0.1:5173', 'http://localhost:5173']);
    expect(() => configFromEnv({ KOLO_ADMIN_ORIGINS: '*' })).toThrow('KOLO_ADMIN_ORIGINS');
  });
});
