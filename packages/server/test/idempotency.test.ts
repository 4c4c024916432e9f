// Idempotency records hold what a retry needs: that an action was applied (its retry is answered
// with the widget's view now, which holds it), or the refusal. Never a copy of the widget's view,
// which for a board is as big as the board. They are kept 48 hours.
import { describe, expect, it } from 'vitest';
import { as, drivers, key, now, serverFor, vote } from './harness.ts';

describe.each(drivers)('idempotency records on $name', ({ url }) => {
  const ctx = serverFor(url, { bodyLimit: 1024 * 1024 }); // room to seed a big board
  const stored = async (id: string) =>
    (await ctx.server.db.query<{ status: number; bytes: number }>('select status, octet_length(response::text) as bytes from kolo_actions where id = $1', [id]))[0];

  it("keeps no copy of a board's view for an upvote, and answers its retry with the view now", async () => {
    const ideas = Array.from({ length: 300 }, (_, i) => ({ id: `idea-${i}`, title: `An idea worth reading, number ${i}`, details: 'x'.repeat(200), status: 'review', createdAt: now() }));
    expect((await ctx.api.admin('POST', '/seed', { kind: 'ideas', id: 'big-board', counts: {}, ideas })).body).toEqual({ seeded: true });
    const upvote = { type: 'upvote', id: key('u'), voter: 'fan', widget: { kind: 'ideas', id: 'big-board' }, idea: 'idea-7', on: true, at: now() };
    const first = await ctx.api.post('/v1/actions', upvote);
    expect(first.status).toBe(200);
    expect([first.body.counts['idea-7'], first.body.mine]).toEqual([1, ['idea-7']]); // what the page needs of the board's view
    const record = await stored(upvote.id);
    expect(record!.status).toBe(200);
    expect(record!.bytes, `${record!.bytes} bytes stored for one upvote`).toBeLessThan(10);
    const retry = await ctx.api.post('/v1/actions', upvote);
    expect([retry.status, retry.body.counts['idea-7'], retry.body.mine]).toEqual([200, 1, ['idea-7']]);
    expect((await ctx.api.get('/v1/widgets/ideas/big-board', as('fan'))).body.counts['idea-7']).toBe(1);
  });

  it('keeps a refusal with its answer, so a retry is refused alike', async () => {
    await ctx.api.post('/v1/actions', vote('idem-poll', 'v1', ['a']));
    const again = vote('idem-poll', 'v1', ['b']);
    const refused = await ctx.api.post('/v1/actions', again);
    expect(refused.body.error.reason).toBe('already-voted');
    const retry = await ctx.api.post('/v1/actions', again);
    expect([retry.status, retry.body]).toEqual([refused.status, refused.body]);
  });
});

describe.each(drivers)('idempotency records expire on $name', ({ url }) => {
  const ctx = serverFor(url);
  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const ids = async (list: string[]) => (await ctx.server.db.query<{ id: string }>('select id from kolo_actions where id = any($1)', [list])).map((r) => r.id);

  it("deletes records past 48 hours; a ballot from before a ban still shows its voter was there before", async () => {
    const colleague = vote('expiry-poll', 'colleague', ['a']);
    expect((await ctx.api.post('/v1/actions', colleague, from('198.51.100.20'))).status).toBe(200);
    const recent = vote('expiry-poll', 'recent', ['b']);
    await ctx.api.post('/v1/actions', recent, from('198.51.100.21'));
    await ctx.server.db.query(`update kolo_actions set at = now() - interval '49 hours' where id = $1`, [colleague.id]);
    await ctx.server.db.query(`update kolo_ballots set at = now() - interval '49 hours' where voter = 'colleague'`);
    await ctx.server.store.expireRecords();
    expect(await ids([colleague.id, recent.id])).toEqual([recent.id]);
    // a spammer behind the colleague's address is banned: new ids there are refused, the colleague is not
    expect((await ctx.api.post('/v1/actions', vote('expiry-other', 'spammer', ['a']), from('198.51.100.20'))).status).toBe(200);
    await ctx.api.admin('POST', '/bans', { type: 'voter', value: 'spammer', reason: 'spam' });
    expect((await ctx.api.post('/v1/actions', vote('expiry-other', 'spammer-2', ['a']), from('198.51.100.20'))).status).toBe(403);
    expect((await ctx.api.post('/v1/actions', vote('expiry-other', 'colleague', ['b']), from('198.51.100.20'))).status).toBe(200);
  });
});
