import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStorage } from '@kolo/core';
import { httpAdapter } from '@kolo/core/http';
import { startServer } from '../src/index.ts';
import { TOKEN, as, client, drivers, formToken, freshDatabase, now, serverFor, sse, testConfig, vote } from './harness.ts';

describe.each(drivers)('robustness on $name', ({ url }) => {
  const ctx = serverFor(url);

  it('answers random and malformed bodies on every endpoint with a 4xx JSON error, never a 5xx', async () => {
    const routes: [string, string, boolean][] = [
      ['POST', '/v1/actions', false],
      ['POST', '/v1/signals', false],
      ['POST', '/v1/admin/ideas/ideas/board/idea', true],
      ['POST', '/v1/admin/ideas/ideas/board/idea/merge', true],
      ['PUT', '/v1/admin/widgets/poll/p', true],
      ['POST', '/v1/admin/bans', true],
      ['PUT', '/v1/admin/stop-words/en', true],
      ['POST', '/v1/admin/seed', true],
    ];
    const action = fc.record(
      {
        type: fc.constantFrom('vote', 'answer', 'idea', 'upvote', 'moderate', 'x'),
        id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        voter: fc.oneof(fc.string({ maxLength: 120 }), fc.constant('')),
        widget: fc.oneof(fc.record({ kind: fc.constantFrom('poll', 'quiz', 'ideas', 'x'), id: fc.string() }), fc.string()),
        choices: fc.oneof(fc.array(fc.string()), fc.string(), fc.constant(null)),
        policy: fc.anything(),
        at: fc.oneof(fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), fc.string()),
        idea: fc.anything(),
        signals: fc.anything(),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(fc.json(), action.map((a) => JSON.stringify(a)), fc.string(), fc.constant('{'), fc.constant(''));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async ([method, path, admin], raw) => {
        const res = await fetch(ctx.server.url + path, {
          method,
          headers: { 'content-type': 'application/json', ...(admin ? { authorization: `Bearer ${TOKEN}` } : {}) },
          body: raw,
        });
        const text = await res.text();
        if (res.status >= 500) throw new Error(`${method} ${path} ${raw.slice(0, 200)} → ${res.status} ${text}`);
        if (res.status === 204) return;
        if (res.status < 300) return; // a random body can be valid
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(JSON.parse(text).error.message).toEqual(expect.any(String));
      }),
      { numRuns: 400 },
    );
    // well-formed actions carrying hostile text (any UTF-16 code units: NUL, unpaired surrogates) and
    // dates JavaScript reads but PostgreSQL does not: refused or stored, never a 5xx
    const hostileText = fc.string({ unit: 'binary', maxLength: 40 });
    const hostileDate = fc.oneof(fc.constantFrom('2026', 'March 7', '2026-02-30', '+010000-01-01T00:00:00Z', '0001-01-01', '2026-12-31 18:00'), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()));
    const hostileIdea = fc.record({ title: hostileText, details: hostileText, voter: hostileText, at: hostileDate, startedAt: hostileDate, id: hostileText });
    await fc.assert(
      fc.asyncProperty(hostileIdea, async (h) => {
        const body = {
          type: 'idea', id: `h-${h.id}`, voter: `v-${h.voter}`, widget: { kind: 'ideas', id: 'fuzz' }, idea: { title: `Hostile ${h.title}`, details: h.details },
          honeypot: '', startedAt: h.startedAt, form: formToken('fuzz'), policy: { moderated: true, minFillMs: 0, maxPerDay: 1000, titleMin: 1, titleMax: 300, detailsMax: 2000, categories: [] }, at: h.at,
        };
        const res = await fetch(`${ctx.server.url}/v1/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const text = await res.text();
        if (res.status >= 500) throw new Error(`${JSON.stringify(body).slice(0, 300)} → ${res.status} ${text}`);
      }),
      { numRuns: 200 },
    );
    // random addresses and voter headers on the read endpoint (printable ASCII as it is, so also broken %-escapes)
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.string(), async (kind, id, voter) => {
        const res = await fetch(`${ctx.server.url}/v1/widgets/${encodeURIComponent(kind) || 'x'}/${encodeURIComponent(id) || 'x'}`, { headers: { 'kolo-voter': voter } });
        expect(res.status).toBeLessThan(500);
        await res.text();
      }),
      { numRuns: 200 },
    );
    expect((await ctx.api.get('/v1/health')).body).toEqual({ ok: true });
  });
});

describe('offline outbox (HTTP adapter against the server)', () => {
  it('keeps votes made while the server is down and delivers them once when it is back, also after a reload', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kolo-outbox-'));
    let server = await startServer(testConfig({ dataDir: dir }));
    const port = Number(new URL(server.url).port);
    const storage = memoryStorage();
    const widget = { kind: 'poll', id: 'offline' } as const;
    const policy = { options: ['a', 'b'], multiple: false, change: true };
    try {
      const adapter = httpAdapter({ endpoint: server.url, storage });
      expect(await adapter.load(widget, 'v1')).toEqual({ counts: {}, voters: 0, mine: [] });
      await server.close();

      // the server is down: the vote is kept, shown as queued
      const queued = await adapter.send({ type: 'vote', id: 'offline-1', voter: 'v1', widget, choices: ['a'], policy, at: now() });
      expect(queued).toMatchObject({ counts: { a: 1 }, mine: ['a'], queued: 1 });
      expect(adapter.queued().map((a) => a.id)).toEqual(['offline-1']);
      // a reload while still offline: a new adapter on the same storage still shows it
      adapter.close();
      const reloaded = httpAdapter({ endpoint: `http://127.0.0.1:${port}`, storage });
      expect(await reloaded.load(widget, 'v1')).toMatchObject({ mine: ['a'], queued: 1 });
      await reloaded.send({ type: 'vote', id: 'offline-2', voter: 'v1', widget, choices: ['b'], policy, at: now() });
      expect(reloaded.queued()).toHaveLength(2);

      server = await startServer(testConfig({ dataDir: dir, port }));
      await reloaded.flush();
      expect(reloaded.queued()).toEqual([]);
      // flushing again (another tab, a retry) changes nothing: the ids were applied once
      storage.setItem('kolo:v1:outbox', JSON.stringify([{ type: 'vote', id: 'offline-1', voter: 'v1', widget, choices: ['a'], policy, at: now() }]));
      await reloaded.flush();
      const t = await reloaded.load(widget, 'v1');
      expect(t).toEqual({ counts: { b: 1 }, voters: 1, mine: ['b'] });
      const rows = await server.db.query<{ n: number }>(`select count(*)::int as n from kolo_actions where id like 'offline-%'`);
      expect(rows[0]!.n).toBe(2);
      reloaded.close();
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows live updates over SSE and reconnects after the server restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kolo-live-'));
    let server = await startServer(testConfig({ dataDir: dir }));
    const port = Number(new URL(server.url).port);
    const adapter = httpAdapter({ endpoint: server.url, storage: memoryStorage() });
    const seen: number[] = [];
    const stop = adapter.subscribe!({ kind: 'poll', id: 'live' }, 'watcher', (t) => seen.push(t.voters));
    const api = () => client(server);
    try {
      await new Promise((r) => setTimeout(r, 300));
      await api().post('/v1/actions', vote('live', 'v1', ['a']));
      await expect.poll(() => seen.at(-1), { timeout: 3000 }).toBe(1);
      await server.close();
      server = await startServer(testConfig({ dataDir: dir, port }));
      await api().post('/v1/actions', vote('live', 'v2', ['b']));
      await expect.poll(() => seen.at(-1), { timeout: 10_000 }).toBe(2);
    } finally {
      stop();
      adapter.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('signals through the HTTP adapter', () => {
  const signal = (voter: string) => ({ type: 'view' as const, widget: { kind: 'poll' as const, id: 'sig' }, voter, at: now() });

  it('arrive in batches, and not at all from a browser asking not to be tracked when the site respects it', async () => {
    const server = await startServer(testConfig());
    const g = globalThis as { navigator?: unknown };
    const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    try {
      const plain = httpAdapter({ endpoint: server.url, storage: memoryStorage(), signalEvery: 50 });
      for (let i = 0; i < 3; i++) plain.track!(signal('sig-plain'));
      Object.defineProperty(globalThis, 'navigator', { value: { doNotTrack: '1' }, configurable: true });
      const careful = httpAdapter({ endpoint: server.url, storage: memoryStorage(), signalEvery: 50, respectPrivacy: true });
      careful.track!(signal('sig-dnt'));
      const indifferent = httpAdapter({ endpoint: server.url, storage: memoryStorage(), signalEvery: 50 });
      indifferent.track!(signal('sig-site-ignores'));
      const count = async (voter: string) => (await server.db.query<{ n: number }>('select count(*)::int as n from kolo_signals where voter = $1', [voter]))[0]!.n;
      await expect.poll(() => count('sig-plain'), { timeout: 3000 }).toBe(3);
      await expect.poll(() => count('sig-site-ignores'), { timeout: 3000 }).toBe(1);
      expect(await count('sig-dnt')).toBe(0);
      for (const a of [plain, careful, indifferent]) a.close();
    } finally {
      if (had) Object.defineProperty(globalThis, 'navigator', had);
      else delete g.navigator;
      await server.close();
    }
  });
});

describe.each(drivers.filter((d) => d.url))('several servers on one PostgreSQL', ({ url }) => {
  it('reaches live listeners on every instance (LISTEN/NOTIFY)', async () => {
    const { databaseUrl, drop } = await freshDatabase(url);
    const a = await startServer(testConfig({ databaseUrl }));
    const b = await startServer(testConfig({ databaseUrl }));
    try {
      const stream = sse(`${a.url}/v1/widgets/poll/shared/events`, 'w', (t) => t.some((x) => x.voters === 1));
      await new Promise((r) => setTimeout(r, 200));
      const t0 = Date.now();
      expect((await client(b).post('/v1/actions', vote('shared', 'v1', ['a']))).status).toBe(200);
      const tallies = await stream;
      expect(tallies.at(-1)).toMatchObject({ counts: { a: 1 }, voters: 1 });
      expect(Date.now() - t0).toBeLessThan(1000);
      // and both count on the same ballots
      expect((await client(a).post('/v1/actions', vote('shared', 'v1', ['b']))).body.error.reason).toBe('already-voted');
    } finally {
      await a.close();
      await b.close();
      await drop();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes requests in flight, ends live streams, closes the database, and keeps every acknowledged vote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kolo-stop-'));
    try {
      const server = await startServer(testConfig({ dataDir: dir }));
      const api = client(server);
      const live = sse(`${server.url}/v1/widgets/poll/bye/events`, 'w', () => false, 10_000);
      await new Promise((r) => setTimeout(r, 200));
      const inflight = Promise.allSettled(Array.from({ length: 50 }, (_, i) => api.post('/v1/actions', vote('bye', `v${i}`, ['a']))));
      await new Promise((r) => setTimeout(r, 20));
      const t0 = Date.now();
      await server.close();
      await live;
      expect(Date.now() - t0).toBeLessThan(3000);
      const answers = (await inflight).flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      // an answered request got a real answer; later ones were refused a connection
      expect(answers.every((a) => a.status === 200)).toBe(true);
      await expect(server.db.query('select 1')).rejects.toThrow();
      const again = await startServer(testConfig({ dataDir: dir }));
      const t = (await client(again).get('/v1/widgets/poll/bye', as('w'))).body;
      expect(t.voters).toBeGreaterThanOrEqual(answers.length);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
