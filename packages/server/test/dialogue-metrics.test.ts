import { describe, expect, it } from 'vitest';
import { dialogueCases } from '@kolo/core/conformance';
import { recordSignals } from '../src/signals.ts';
import { drivers, serverFor } from './harness.ts';

// core's table of the dialogue metrics (return after 7 and 30 days, content per ISO week, next-step
// conversion per campaign), counted by SQL; every case is in the database at once, each in its own year
describe.each(drivers)('dialogue metrics by SQL on $name', ({ url }) => {
  const ctx = serverFor(url);
  let stored = false;
  const store = async () => {
    if (stored) return;
    stored = true;
    const signals = dialogueCases.flatMap((c) => c.signals);
    await recordSignals(ctx.server.db, signals.map((s) => ({ type: s.type, widget: { kind: s.kind, id: s.widget }, voter: s.voter, at: s.at, ...(s.data ? { data: s.data } : {}) })));
    for (const i of dialogueCases.flatMap((c) => c.ideas))
      await ctx.server.db.query(`insert into kolo_ideas (kind, board, id, title, status, author, created_at) values ($1, $2, $3, 'an idea', $4, 'someone', $5)`, [i.kind, i.board, i.id, i.status, i.createdAt]);
  };

  it.each(dialogueCases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    await store();
    const q = new URLSearchParams({ from: c.range.from, to: c.range.to, tz: c.timeZone, asOf: c.asOf });
    const m = await ctx.api.admin('GET', `/metrics?${q}`);
    expect(m.status).toBe(200);
    expect({ returns: m.body.returns, content: m.body.content, campaigns: m.body.campaigns }).toEqual({ returns: c.returns, content: c.content, campaigns: c.campaigns });
  });

  it('without asOf, return is measured now: actions after now (a range in the future) are not counted yet', async () => {
    await store();
    const c = dialogueCases[0]!;
    const m = await ctx.api.admin('GET', `/metrics?${new URLSearchParams({ from: c.range.from, to: c.range.to })}`);
    expect(m.body.returns.site).toEqual({ newPeople: 0, after7: { eligible: 0, returned: 0, share: null }, after30: { eligible: 0, returned: 0, share: null } });
    expect(Math.abs(Date.parse(m.body.asOf) - Date.now())).toBeLessThan(60_000);
    expect(m.body.content.boards['ideas:b0']).toEqual({ '2044-W01': 3, '2044-W02': 1 });
  });

  it('a range without actions answers zeros for the site and no widgets', async () => {
    const m = await ctx.api.admin('GET', `/metrics?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z`);
    expect(m.body.returns).toEqual({ site: { newPeople: 0, after7: { eligible: 0, returned: 0, share: null }, after30: { eligible: 0, returned: 0, share: null } }, widgets: {} });
    expect(m.body.content).toEqual({ site: {}, boards: {} });
    expect(m.body.campaigns).toEqual({});
  });
});
