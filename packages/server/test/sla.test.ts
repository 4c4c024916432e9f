// sla.breached (announced once per item by its job) and a board's usual reply time ("We usually
// reply within N hours": shown only with enough recent answers). Real HTTP on PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { as, drivers, serverFor } from './harness.ts';

const DAY = 86_400_000;
/** 9:00 UTC of the Monday at least `weeks` weeks before now */
const monday = (weeks: number) => {
  const d = new Date(Date.now() - weeks * 7 * DAY);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  d.setUTCHours(9, 0, 0, 0);
  return d.getTime();
};
const at = (ms: number) => new Date(ms).toISOString();

describe.each(drivers)('the service level over time on $name', ({ url }) => {
  const ctx = serverFor(url);
  const seed = async (kind: string, board: string, ideas: object[]) => expect((await ctx.api.admin('POST', '/seed', { kind, id: board, ideas })).status).toBe(200);
  const breaches = async (board: string) =>
    (await ctx.server.db.query<{ data: any }>(`select data from kolo_events where type = 'sla.breached' order by id`))
      .map((r) => (typeof r.data === 'string' ? JSON.parse(r.data) : r.data))
      .filter((d) => d.board === board);

  it('announces each waiting item that passed the target once, and only those', async () => {
    await seed('ideas', 'sla-board', [
      { id: 'old', title: 'Waiting for weeks', status: 'pending', createdAt: at(monday(3)) },
      { id: 'new', title: 'Just arrived', status: 'pending', createdAt: at(Date.now() - 60_000) },
      { id: 'done', title: 'Answered long ago', status: 'done', createdAt: at(monday(3)), firstResponseAt: at(monday(3) + 3_600_000) },
    ]);
    await seed('questions', 'sla-ama', [{ id: 'q1', title: 'Public, never answered', status: 'review', createdAt: at(monday(2)) }]);
    await ctx.server.jobs.run('sla-breached');
    await ctx.server.jobs.run('sla-breached');
    const [e, ...more] = await breaches('sla-board');
    expect(more).toEqual([]);
    expect(e).toMatchObject({ kind: 'ideas', board: 'sla-board', item: { id: 'old', title: 'Waiting for weeks', status: 'pending', votes: 0 }, targetHours: 48 });
    expect(e.waitingHours).toBeGreaterThan(3 * 40);
    expect((await breaches('sla-ama')).map((d) => [d.kind, d.item.id])).toEqual([['questions', 'q1']]);
  });

  it('does not announce an item again once answered and re-opened', async () => {
    expect((await ctx.api.admin('POST', '/ideas/ideas/sla-board/old', { status: 'planned' })).status).toBe(200);
    expect((await ctx.api.admin('POST', '/ideas/ideas/sla-board/old', { status: 'review' })).status).toBe(200);
    await ctx.server.jobs.run('sla-breached');
    expect(await breaches('sla-board')).toHaveLength(1);
    // and the clock is gone from the answered item
    const { ideas } = (await ctx.api.admin('GET', '/ideas/ideas/sla-board')).body;
    expect(ideas.find((i: { id: string }) => i.id === 'old').leftHours).toBeUndefined();
  });

  it('follows the target the team sets: a longer one leaves an item waiting unannounced', async () => {
    expect((await ctx.api.admin('PUT', '/service', { targetHours: 10_000, timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: 9, end: 17 })).status).toBe(200);
    await seed('ideas', 'sla-patient', [{ id: 'p', title: 'Waiting within a long target', status: 'pending', createdAt: at(monday(3)) }]);
    await ctx.server.jobs.run('sla-breached');
    expect(await breaches('sla-patient')).toEqual([]);
    expect((await ctx.api.admin('PUT', '/service', { targetHours: 48, timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: 9, end: 17 })).status).toBe(200);
  });

  // answered `hours` working hours after 9:00 on a Monday `weeks` weeks ago
  const answered = (n: number, hours: number, weeks = 2) =>
    Array.from({ length: n }, (_, i) => ({ id: `a${i}`, title: `Answered ${i}`, status: 'planned', createdAt: at(monday(weeks)), firstResponseAt: at(monday(weeks) + (hours + i) * 3_600_000) }));
  const replyHours = async (kind: string, board: string) => (await ctx.api.get(`/v1/widgets/${kind}/${board}`, as('reader'))).body.replyHours;

  it('tells a board\'s usual reply time: the median working hours of its recent answers', async () => {
    // 2, 3, 4, 5, 6 working hours: the median is 4
    await seed('ideas', 'usual-5', answered(5, 2));
    expect(await replyHours('ideas', 'usual-5')).toBe(4);
    await seed('questions', 'usual-q', answered(7, 1));
    expect(await replyHours('questions', 'usual-q')).toBe(4);
  });

  it('says nothing with fewer than five answers in the last 90 days', async () => {
    await seed('ideas', 'usual-4', answered(4, 2));
    expect(await replyHours('ideas', 'usual-4')).toBeUndefined();
    await seed('ideas', 'usual-old', answered(6, 2, 15));
    expect(await replyHours('ideas', 'usual-old')).toBeUndefined();
    await seed('ideas', 'usual-none', []);
    const r = await ctx.api.get('/v1/widgets/ideas/usual-none', as('reader'));
    expect([r.status, 'replyHours' in r.body]).toEqual([200, false]);
  });
});
