// Limits that hold: one budget per client address (IPv6 by /64) and per voter, across every widget,
// refilled continuously (a token bucket), not reset by a new widget id, a calendar minute or a
// spoofed X-Forwarded-For entry.
import { describe, expect, it } from 'vitest';
import { burst, most } from './budget.ts';
import { drivers, serverFor, vote } from './harness.ts';

const PER_IP = 100;
const PER_VOTER = 30;

const from = (address: string) => ({ 'x-forwarded-for': address });

describe.each(drivers)('budgets across widgets on $name', ({ url }) => {
  const ctx = serverFor(url, { ratePerIp: PER_IP, ratePerVoter: PER_VOTER }); // one trusted proxy: the test plays it

  it('holds one budget per address across 400 new widget ids (each with a new voter id)', async () => {
    const r = await burst(ctx.api, 400, (i) => [vote(`rotate-${i}`, `rotate-v${i}`, ['a']), from('203.0.113.10')]);
    expect(r.passed, `${r.passed} of 400 passed a limit of ${PER_IP}/min in ${r.seconds} s`).toBeLessThanOrEqual(most(PER_IP, r.seconds));
    expect(r.passed).toBeGreaterThanOrEqual(PER_IP);
    expect(r.retryAfter).toBe(true);
    // another address has its own budget
    expect((await ctx.api.post('/v1/actions', vote('rotate-0', 'rotate-other', ['a']), from('203.0.113.11'))).status).toBe(200);
  });

  it('holds one budget per voter across widgets and addresses', async () => {
    const r = await burst(ctx.api, 100, (i) => [vote(`voter-${i}`, 'one-voter', ['a']), from(`198.51.100.${i + 1}`)]);
    expect(r.passed, `${r.passed} of 100 passed a limit of ${PER_VOTER}/min`).toBeLessThanOrEqual(most(PER_VOTER, r.seconds));
    expect(r.passed).toBeGreaterThanOrEqual(PER_VOTER);
  });

  it('groups IPv6 addresses by /64 (and reads IPv4-mapped IPv6 as IPv4)', async () => {
    const r = await burst(ctx.api, 400, (i) => [vote('v6', `v6-${i}`, ['a']), from(`2001:db8:1:2:${i.toString(16)}::${(i * 7).toString(16)}`)]);
    expect(r.passed, `${r.passed} of 400 from one /64 passed a limit of ${PER_IP}/min`).toBeLessThanOrEqual(most(PER_IP, r.seconds));
    expect((await ctx.api.post('/v1/actions', vote('v6', 'v6-next', ['a']), from('2001:db8:1:3::1'))).status).toBe(200);
    const mapped = await burst(ctx.api, 400, (i) => [vote('v4m', `v4m-${i}`, ['a']), from(i % 2 ? '192.0.2.77' : '::ffff:192.0.2.77')]);
    expect(mapped.passed, `${mapped.passed} of 400 from one IPv4 address, half written IPv4-mapped`).toBeLessThanOrEqual(most(PER_IP, mapped.seconds));
  });

  it('keeps the budget when the client adds its own X-Forwarded-For entries', async () => {
    const r = await burst(ctx.api, 400, (i) => [vote(`spoof-${i % 7}`, `spoof-v${i}`, ['a']), from(`10.${i % 250}.${i % 7}.1, ${Math.random()}, 203.0.113.20`)]);
    expect(r.passed, `${r.passed} of 400 spoofed requests passed a limit of ${PER_IP}/min`).toBeLessThanOrEqual(most(PER_IP, r.seconds));
  });
});

describe.each(drivers)('budgets behind proxies given by address ranges on $name', ({ url }) => {
  // the test connects from 127.0.0.1: a trusted proxy for one server, an unknown client for the other
  const behind = serverFor(url, { ratePerIp: PER_IP, trustProxy: ['127.0.0.0/8', '10.0.0.0/8'] });
  const direct = serverFor(url, { ratePerIp: PER_IP, trustProxy: ['10.0.0.0/8'] });

  it('keeps the budget when the client adds its own X-Forwarded-For entries', async () => {
    const r = await burst(behind.api, 400, (i) => [vote(`cidr-${i}`, `cidr-v${i}`, ['a']), from(`${Math.random()}, 10.0.${i % 7}.1, 203.0.113.21, 10.0.0.9`)]);
    expect(r.passed, `${r.passed} of 400 spoofed requests passed a limit of ${PER_IP}/min`).toBeLessThanOrEqual(most(PER_IP, r.seconds));
  });

  it('ignores X-Forwarded-For from a connection outside the trusted ranges', async () => {
    const r = await burst(direct.api, 400, (i) => [vote(`cidr-${i}`, `cidr-v${i}`, ['a']), from(`203.0.113.${i % 250}`)]);
    expect(r.passed, `${r.passed} of 400 requests with made-up addresses passed a limit of ${PER_IP}/min`).toBeLessThanOrEqual(most(PER_IP, r.seconds));
  });
});

/** Wait until `ms` before the next calendar minute. */
const beforeNextMinute = (ms: number) => new Promise((r) => setTimeout(r, (60_000 - (Date.now() % 60_000) - ms + 60_000) % 60_000));

describe('budgets across a calendar minute', () => {
  const limit = 40;
  // every driver's server at once, so the suite waits for one minute boundary, not one per driver
  const servers = drivers.map((d) => ({ name: d.name, ctx: serverFor(d.url, { ratePerIp: limit, ratePerVoter: limit }) }));

  it('refills continuously: two bursts around a minute boundary pass one budget, not two', { timeout: 90_000 }, async () => {
    await beforeNextMinute(1500);
    const edge = Math.ceil(Date.now() / 60_000) * 60_000;
    const first = await Promise.all(servers.map(({ ctx }) => burst(ctx.api, limit, (i) => [vote(`edge-${i}`, `edge-a${i}`, ['a']), from('203.0.113.30')])));
    await new Promise((r) => setTimeout(r, Math.max(0, edge - Date.now()) + 300)); // just past the boundary
    const second = await Promise.all(servers.map(({ ctx }) => burst(ctx.api, limit, (i) => [vote(`edge-${i}`, `edge-b${i}`, ['a']), from('203.0.113.30')])));
    servers.forEach(({ name }, i) => {
      const passed = first[i]!.passed + second[i]!.passed;
      expect(passed, `${name}: ${passed} of ${2 * limit} passed across a minute boundary, limit ${limit}/min`).toBeLessThanOrEqual(most(limit, 3));
    });
  });
});
