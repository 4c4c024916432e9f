// The team's service level: its setting (roles, audit, bad input), each waiting item's reply clock in
// the queue (core's table of clock cases, timed at a fixed `asOf`), the queue sorted by time left.
// Real HTTP on PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE } from '@kolo/core';
import { clockCases } from '../../core/src/metrics/clock-cases.ts';
import { drivers, serverFor } from './harness.ts';

const pending = (id: string, createdAt: string) => ({ id, title: `Waiting ${id}`, status: 'pending', createdAt });

describe.each(drivers)('the service level on $name', ({ url }) => {
  const ctx = serverFor(url);
  const seed = async (board: string, ideas: object[]) => expect((await ctx.api.admin('POST', '/seed', { kind: 'ideas', id: board, ideas })).status).toBe(200);

  it('starts at 48 working hours, Monday to Friday 9–17 UTC; owners change it, recorded with before and after', async () => {
    expect((await ctx.api.admin('GET', '/service')).body).toEqual(DEFAULT_SERVICE);
    const next = { targetHours: 24, timeZone: 'Europe/Kyiv', days: [1, 2, 3, 4], start: 10, end: 18 };
    const r = await ctx.api.admin('PUT', '/service', next);
    expect([r.status, r.body]).toEqual([200, next]);
    expect((await ctx.api.admin('GET', '/service')).body).toEqual(next);
    const [e] = (await ctx.api.admin('GET', '/audit?limit=1')).body.entries;
    expect(e).toMatchObject({ action: 'service.settings', target: 'service', before: DEFAULT_SERVICE, after: next });
  });

  it('lets analysts and moderators read it, not change it', async () => {
    for (const role of ['analyst', 'moderator']) {
      const { token } = (await ctx.api.admin('POST', '/tokens', { name: `Sla ${role}`, role })).body;
      expect((await ctx.api.admin('GET', '/service', undefined, token)).status).toBe(200);
      const refused = await ctx.api.admin('PUT', '/service', DEFAULT_SERVICE, token);
      expect([refused.status, refused.body.error.reason]).toEqual([403, 'forbidden']);
    }
    expect((await ctx.api.admin('GET', '/service')).body.targetHours).toBe(24);
  });

  it('refuses a bad setting with 400 naming the field', async () => {
    const cases: [object, string][] = [
      [{ start: 17, end: 9 }, 'end'],
      [{ days: [1, 1] }, 'days'],
      [{ days: [8] }, 'days.0'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ targetHours: 0 }, 'targetHours'],
      [{ targetHours: 1.5 }, 'targetHours'],
    ];
    for (const [over, field] of cases) {
      const r = await ctx.api.admin('PUT', '/service', { ...DEFAULT_SERVICE, ...over });
      expect([JSON.stringify(over), r.status, r.body.error.field]).toEqual([JSON.stringify(over), 400, field]);
    }
    expect((await ctx.api.admin('GET', '/service')).body.targetHours).toBe(24);
  });

  it('times each waiting item in working hours against the target (core\'s table of clock cases)', async () => {
    for (const [n, c] of clockCases.entries()) {
      expect((await ctx.api.admin('PUT', '/service', c.service)).status).toBe(200);
      await seed(`clock-${n}`, [pending('a', c.since)]);
      const [item] = (await ctx.api.admin('GET', `/queue/ideas/clock-${n}?asOf=${c.now}`)).body.ideas;
      expect([c.name, item.waitingHours, item.targetHours, item.leftHours]).toEqual([c.name, c.waitingHours, c.service.targetHours, c.leftHours]);
      // the same clock in the whole queue and in the board's list
      const all = (await ctx.api.admin('GET', `/queue?asOf=${c.now}`)).body.ideas.find((i: { board: string }) => i.board === `clock-${n}`);
      expect(all).toMatchObject({ waitingHours: c.waitingHours, leftHours: c.leftHours });
      expect((await ctx.api.admin('GET', `/ideas/ideas/clock-${n}?asOf=${c.now}`)).body.ideas[0].leftHours).toBe(c.leftHours);
    }
    expect((await ctx.api.admin('PUT', '/service', DEFAULT_SERVICE)).status).toBe(200);
  });

  it('shows no clock on an item the team responded to, and times a public one nobody answered', async () => {
    await seed('clock-public', [
      { id: 'open', title: 'Public, unanswered', status: 'review', createdAt: '2026-11-30T10:00:00Z' },
      { id: 'answered', title: 'Public, answered', status: 'planned', createdAt: '2026-11-30T10:00:00Z', firstResponseAt: '2026-11-30T11:00:00Z' },
    ]);
    const { ideas } = (await ctx.api.admin('GET', '/ideas/ideas/clock-public?asOf=2026-11-30T13:30:00Z')).body;
    expect(Object.fromEntries(ideas.map((i: { id: string; leftHours?: number }) => [i.id, i.leftHours ?? null]))).toEqual({ open: 44.5, answered: null });
  });

  it('sorts a board\'s queue by time left, a page at a time, and the whole queue either way', async () => {
    const times = ['2026-11-30T09:00:00Z', '2026-12-01T09:00:00Z', '2026-11-24T12:00:00Z', '2026-12-02T09:00:00Z', '2026-11-26T15:00:00Z'];
    await seed('clock-sort', times.map((t, n) => pending(`s${n}`, t)));
    const asOf = '2026-12-03T12:00:00Z';
    const first = (await ctx.api.admin('GET', `/queue/ideas/clock-sort?sort=left&limit=2&asOf=${asOf}`)).body;
    const second = (await ctx.api.admin('GET', `/queue/ideas/clock-sort?sort=left&limit=2&asOf=${asOf}&cursor=${first.next}`)).body;
    const third = (await ctx.api.admin('GET', `/queue/ideas/clock-sort?sort=left&limit=2&asOf=${asOf}&cursor=${second.next}`)).body;
    const left = [...first.ideas, ...second.ideas, ...third.ideas].map((i: { id: string; leftHours: number }) => [i.id, i.leftHours]);
    expect(left).toEqual([['s2', -8], ['s4', 11], ['s0', 21], ['s1', 29], ['s3', 37]]);
    expect(third.next).toBeUndefined();
    // newest first by default; a cursor of one order is refused in the other
    expect((await ctx.api.admin('GET', '/queue/ideas/clock-sort?limit=2')).body.ideas.map((i: { id: string }) => i.id)).toEqual(['s3', 's1']);
    const mixed = await ctx.api.admin('GET', `/queue/ideas/clock-sort?cursor=${first.next}`);
    expect([mixed.status, mixed.body.error.field]).toEqual([400, 'cursor']);
    const board = (q: string) => ctx.api.admin('GET', `/queue?${q}`).then((r) => r.body.ideas.filter((i: { board: string }) => i.board === 'clock-sort').map((i: { id: string }) => i.id));
    expect(await board('sort=left')).toEqual(['s2', 's4', 's0', 's1', 's3']);
    expect(await board('sort=new')).toEqual(['s3', 's1', 's0', 's4', 's2']);
    for (const q of ['sort=oldest', 'asOf=yesterday']) expect((await ctx.api.admin('GET', `/queue?${q}`)).status).toBe(400);
  });

  it('counts the metrics\' reply times in the team\'s working hours with work=team', async () => {
    const range = 'from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&asOf=2026-12-01T00:00:00Z&target=48';
    const team = (await ctx.api.admin('GET', `/metrics?${range}&work=team`)).body;
    const explicit = (await ctx.api.admin('GET', `/metrics?${range}&work=1-5,9-17&tz=UTC`)).body;
    expect(team.workingHours).toEqual({ timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: 9, end: 17 });
    expect(team.boards['ideas:clock-public'].responses).toMatchObject({ responded: 1, medianHours: 1 });
    expect(team.boards).toEqual(explicit.boards);
  });
});
