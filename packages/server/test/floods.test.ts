// Floods from one client: signals stored at most to the budget, live streams capped per address,
// slow clients cut off by the header and request time-outs (live streams are not).
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { most } from './budget.ts';
import { as, drivers, now, serverFor } from './harness.ts';

const from = (address: string) => ({ 'x-forwarded-for': address });
const signal = (widget: string, voter: string) => ({ type: 'view', widget: { kind: 'poll', id: widget }, voter, at: now() });

describe.each(drivers)('floods on $name', ({ url }) => {
  const ctx = serverFor(url, { signalsPerIp: 600, signalsPerVoter: 120, streamsPerIp: 20 });
  const stored = async (widget: string) => (await ctx.server.db.query<{ n: number }>('select count(*)::int as n from kolo_signals where widget = $1', [widget]))[0]!.n;

  it('stores a signal flood from one address only up to the budget', async () => {
    const started = Date.now();
    const replies = [];
    for (let b = 0; b < 50; b++) {
      const batch = Array.from({ length: 100 }, (_, i) => signal('flood', `flood-${b}-${i}`));
      replies.push(await ctx.api.post('/v1/signals', { signals: batch }, from('203.0.113.60')));
    }
    const n = await stored('flood');
    const seconds = (Date.now() - started) / 1000;
    expect(n, `${n} of 5000 signals stored from one address, budget 600/min`).toBeLessThanOrEqual(most(600, seconds));
    expect(n).toBeGreaterThanOrEqual(600);
    expect(replies[0]!.status).toBe(204);
    // past the budget: the first signals that fit (202, the rest dropped) or none (429), with Retry-After
    for (const r of replies.slice(7)) {
      expect(r.status === 202 ? r.body.dropped > 0 : r.body.error.reason === 'rate').toBe(true);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // another address still sends its signals
    expect((await ctx.api.post('/v1/signals', { signals: [signal('flood-other', 'x')] }, from('203.0.113.61'))).status).toBe(204);
  });

  it('stores one voter’s signals only up to the voter’s budget, from any address', async () => {
    const started = Date.now();
    let partial;
    for (let b = 0; b < 10; b++) {
      const r = await ctx.api.post('/v1/signals', { signals: Array.from({ length: 100 }, () => signal('flood-voter', 'one-voter')) }, from(`198.51.100.${b + 1}`));
      if (r.status === 202) partial = r.body;
    }
    const n = await stored('flood-voter');
    expect(n, `${n} of 1000 signals of one voter stored, budget 120/min`).toBeLessThanOrEqual(most(120, (Date.now() - started) / 1000));
    expect(partial).toEqual({ stored: expect.any(Number), dropped: expect.any(Number) });
  });

  it('caps the live streams open from one address, and frees a place when one closes', async () => {
    const aborts: AbortController[] = [];
    const open = (address: string) => {
      const abort = new AbortController();
      aborts.push(abort);
      return fetch(`${ctx.server.url}/v1/events?widgets=poll:streams`, { headers: { ...from(address), ...as('s') }, signal: abort.signal });
    };
    try {
      const replies = await Promise.all(Array.from({ length: 30 }, () => open('203.0.113.70')));
      const opened = replies.filter((r) => r.status === 200).length;
      expect(opened, `${opened} of 30 streams opened from one address, cap 20`).toBe(20);
      const refused = replies.find((r) => r.status === 429)!;
      expect([(await refused.json()).error.reason, Number(refused.headers.get('retry-after')) >= 1]).toEqual(['rate', true]);
      expect((await open('203.0.113.71')).status).toBe(200);
      aborts[replies.indexOf(replies.find((r) => r.status === 200)!)]!.abort();
      let again = 0;
      for (let i = 0; i < 40 && again !== 200; i++) {
        await new Promise((r) => setTimeout(r, 50));
        again = (await open('203.0.113.70')).status;
      }
      expect(again).toBe(200);
    } finally {
      aborts.forEach((a) => a.abort());
    }
  });
});

/**
 * Open a raw connection, send `head`, then `drip` every 100 ms; resolves with the milliseconds
 * until the server closed it, or `null` when it was still open after `within` ms.
 */
function slowly(url: string, head: string, drip: string, within: number): Promise<number | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname, () => socket.write(head));
    const timer = setInterval(() => socket.writable && socket.write(drip), 100);
    const done = (v: number | null) => {
      clearInterval(timer);
      clearTimeout(limit);
      socket.destroy();
      resolve(v);
    };
    const limit = setTimeout(() => done(null), within);
    socket.on('data', () => {});
    socket.on('close', () => done(Date.now() - started));
    socket.on('error', () => {});
  });
}

// the time-outs belong to the HTTP server, whatever the database: one server is enough
describe('slow clients', () => {
  const ctx = serverFor(undefined, { headersTimeout: 500, requestTimeout: 1000, keepAliveTimeout: 300 });

  it('closes a connection that sends its headers slowly (slowloris)', async () => {
    const closedAfter = await slowly(ctx.server.url, 'GET /v1/health HTTP/1.1\r\nHost: kolo\r\n', 'X-Slow: 1\r\n', 4000);
    expect(closedAfter, 'the connection sending a header line every 100 ms is still open after 4 s').not.toBeNull();
    expect(closedAfter!).toBeLessThan(2500);
  });

  it('closes a connection that sends its body slowly', async () => {
    const head = 'POST /v1/actions HTTP/1.1\r\nHost: kolo\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n';
    const closedAfter = await slowly(ctx.server.url, head, ' ', 4000);
    expect(closedAfter, 'the connection sending a body byte every 100 ms is still open after 4 s').not.toBeNull();
    expect(closedAfter!).toBeLessThan(2500);
  });

  it('closes an idle keep-alive connection', async () => {
    const closedAfter = await slowly(ctx.server.url, 'GET /v1/health HTTP/1.1\r\nHost: kolo\r\n\r\n', '', 4000);
    expect(closedAfter, 'the idle keep-alive connection is still open after 4 s').not.toBeNull();
    expect(closedAfter!).toBeLessThan(2000);
  });

  it('keeps a live stream open longer than the request time-out', async () => {
    const abort = new AbortController();
    const res = await fetch(`${ctx.server.url}/v1/events?widgets=poll:long`, { headers: as('s'), signal: abort.signal });
    const reader = res.body!.getReader();
    let text = '';
    const until = Date.now() + 2500;
    while (Date.now() < until) {
      const { value, done } = await reader.read();
      expect(done, 'the live stream ended').toBe(false);
      text += new TextDecoder().decode(value);
    }
    abort.abort();
    expect(text.split(': ping').length - 1).toBeGreaterThanOrEqual(3);
  });
});
