// Slow mode and bans hold against new voter ids: slow mode counts per voter and per address, and a
// banned voter's addresses (those it acted from in the last 24 hours) refuse voter ids first seen after the ban.
import { describe, expect, it } from 'vitest';
import { drivers, serverFor, vote } from './harness.ts';

const from = (address: string) => ({ 'x-forwarded-for': address });
const change = { options: ['a', 'b', 'c'], multiple: false, change: true };

describe.each(drivers)('evasion by new voter ids on $name', ({ url }) => {
  const ctx = serverFor(url); // one trusted proxy: the test plays it
  const act = (widget: string, voter: string, address: string) => ctx.api.post('/v1/actions', vote(widget, voter, ['a'], { policy: change }), from(address));

  it('does not remember a slow-mode refusal: the same action id is taken once the wait is over', async () => {
    await ctx.api.admin('PUT', '/widgets/poll/slow-retry', { slowSeconds: 1 });
    expect((await act('slow-retry', 'slow-retry-first', '203.0.113.41')).status).toBe(200);
    const again = vote('slow-retry', 'slow-retry-second', ['a']);
    const refused = await ctx.api.post('/v1/actions', again, { 'x-forwarded-for': '203.0.113.41' });
    expect([refused.status, refused.body.error?.reason]).toEqual([429, 'slow-mode']);
    await new Promise((r) => setTimeout(r, 1100));
    const retried = await ctx.api.post('/v1/actions', again, { 'x-forwarded-for': '203.0.113.41' });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body.mine).toEqual(['a']);
  });

  it('keeps slow mode for new voter ids from the same address', async () => {
    await ctx.api.admin('PUT', '/widgets/poll/slow-evade', { slowSeconds: 60 });
    expect((await act('slow-evade', 'slow-first', '203.0.113.40')).status).toBe(200);
    const fresh = await Promise.all(Array.from({ length: 10 }, (_, i) => act('slow-evade', `slow-new-${i}`, '203.0.113.40')));
    const passed = fresh.filter((r) => r.status === 200).length;
    expect(passed, `${passed} of 10 new voter ids passed slow mode from the same address`).toBe(0);
    expect(fresh.map((r) => r.body.error?.reason)).toEqual(Array(10).fill('slow-mode'));
    expect(Number(fresh[0]!.headers.get('retry-after'))).toBeGreaterThan(50);
    // another address, and the same address on another widget, are not slowed
    expect((await act('slow-evade', 'slow-elsewhere', '203.0.113.41')).status).toBe(200);
    expect((await act('slow-free', 'slow-new-0', '203.0.113.40')).status).toBe(200);
  });

  it('refuses the addresses a banned voter acted from, for new voter ids too, until the ban is lifted', async () => {
    expect((await act('ban-evade', 'banned-one', '203.0.113.50')).status).toBe(200);
    expect((await act('ban-evade', 'banned-one', '2001:db8:50::1')).status).toBe(200);
    // a colleague behind the same address, there before the ban
    expect((await act('ban-evade', 'colleague', '203.0.113.50')).status).toBe(200);
    await ctx.api.admin('POST', '/bans', { type: 'voter', value: 'banned-one', reason: 'spam' });
    const fresh = await Promise.all(
      Array.from({ length: 10 }, (_, i) => act(`ban-evade-${i}`, `ban-new-${i}`, i % 2 ? '203.0.113.50' : `2001:db8:50::${i + 2}`)),
    );
    const passed = fresh.filter((r) => r.status === 200).length;
    expect(passed, `${passed} of 10 new voter ids passed a ban from the banned voter's addresses`).toBe(0);
    expect(fresh.map((r) => r.body.error?.reason)).toEqual(Array(10).fill('banned'));
    // other addresses are not refused
    expect((await act('ban-evade', 'ban-elsewhere', '203.0.113.51')).status).toBe(200);
    // people who were there before the ban are not refused for sharing the address
    expect((await act('ban-evade-colleague', 'colleague', '203.0.113.50')).status).toBe(200);
    // the banned voter trying from a new address makes that address refused too
    expect((await act('ban-evade', 'banned-one', '203.0.113.52')).status).toBe(403);
    expect((await act('ban-evade', 'ban-new-52', '203.0.113.52')).status).toBe(403);
    await ctx.api.admin('DELETE', '/bans/voter/banned-one');
    expect((await act('ban-evade-after', 'ban-new-0', '203.0.113.50')).status).toBe(200);
  });
});
