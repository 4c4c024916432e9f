// A board whose team requires the community rules (its registered policy, switched in the console through
// PUT /v1/admin/widgets/:kind/:id) refuses an idea or question sent without their acceptance, whatever the
// page's policy says. Real HTTP in production mode, on PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import type { IdeaPolicy } from '@kolo/core';
import { drivers, idea, serverFor } from './harness.ts';

const PAGE: IdeaPolicy = { moderated: false, minFillMs: 3000, maxPerDay: 5, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: [] };

describe.each(drivers)('community rules required by the team on $name', ({ url }) => {
  const ctx = serverFor(url, { production: true });
  const require = (kind: string, board: string, on: boolean) =>
    ctx.api.admin('PUT', `/widgets/${kind}/${board}`, { rules: { policy: on ? { ...PAGE, requireRules: true } : PAGE } });
  const ask = (kind: string, board: string, voter: string, over: Record<string, unknown> = {}) =>
    ctx.api.post('/v1/actions', idea(board, voter, 'When does the night bus start?', PAGE, { widget: { kind, id: board }, ...over }));

  it.each(['ideas', 'questions'])('%s: without the acceptance the answer is a 409 naming rulesAccepted; with it, 200', async (kind) => {
    const board = `rules-${kind}`;
    expect((await require(kind, board, true)).status).toBe(200);
    const refused = await ask(kind, board, 'v1');
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('rules-required');
    expect(refused.body.error.message).toContain('rulesAccepted');
    expect((await ask(kind, board, 'v1', { rulesAccepted: false })).body.error.reason).toBe('rules-required');
    const accepted = await ask(kind, board, 'v1', { rulesAccepted: true });
    expect(accepted.status).toBe(200);
    expect(accepted.body.ideas.map((i: { title: string }) => i.title)).toEqual(['When does the night bus start?']);
  });

  it('a board that does not require them takes an idea without the acceptance, and switching is audited', async () => {
    expect((await require('ideas', 'rules-off', true)).status).toBe(200);
    expect((await require('ideas', 'rules-off', false)).status).toBe(200);
    const [e] = (await ctx.api.admin('GET', '/audit?limit=1')).body.entries;
    expect(e).toMatchObject({ action: 'widget.settings', target: 'ideas/rules-off', before: { rules: { policy: { requireRules: true } } } });
    expect(e.after.rules.policy.requireRules).toBeUndefined();
    expect((await ask('ideas', 'rules-off', 'v2')).status).toBe(200);
  });

  it('refuses an acceptance that is not a boolean, naming the field', async () => {
    expect((await require('ideas', 'rules-typed', true)).status).toBe(200);
    const r = await ask('ideas', 'rules-typed', 'v3', { rulesAccepted: 'yes' });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('rulesAccepted');
  });
});
