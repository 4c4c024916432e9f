// Privacy on the wire: the voter id travels in a header, never in an address (proxy and access logs
// keep those), and a board's public counts say nothing about ideas the viewer may not see.
import { describe, expect, it } from 'vitest';
import { as, drivers, key, now, serverFor, sse, vote } from './harness.ts';
import { idea as ideaFor } from './harness.ts';

const ideaPolicy = { moderated: true, minFillMs: 0, maxPerDay: 5, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: [] };
const idea = (board: string, voter: string, title: string) => ideaFor(board, voter, title, ideaPolicy);
const upvote = (board: string, voter: string, ideaId: string) => ({ type: 'upvote', id: key('u'), voter, widget: { kind: 'ideas', id: board }, idea: ideaId, on: true, at: now() });

describe.each(drivers)('privacy on $name', ({ url }) => {
  const ctx = serverFor(url);

  it("serves a voter's own state from the Kolo-Voter header and refuses a voter id in the address", async () => {
    await ctx.api.post('/v1/actions', vote('private', 'v_mine', ['b']));
    expect((await ctx.api.get('/v1/widgets/poll/private', as('v_mine'))).body).toEqual({ counts: { b: 1 }, voters: 1, mine: ['b'] });
    expect((await ctx.api.get('/v1/widgets/poll/private', as('v_other'))).body.mine).toEqual([]);
    // any voter id the contract allows travels percent-encoded
    await ctx.api.post('/v1/actions', vote('private', 'café ☕', ['a']));
    expect((await ctx.api.get('/v1/widgets/poll/private', as('café ☕'))).body.mine).toEqual(['a']);

    const inAddress = await ctx.api.get('/v1/widgets/poll/private?voter=v_mine', as('v_mine'));
    expect([inAddress.status, inAddress.body.error.field, inAddress.body.error.rule]).toEqual([400, 'voter', 'header']);
    const stream = await ctx.api.get('/v1/events?widgets=poll:private&voter=v_mine', as('v_mine'));
    expect([stream.status, stream.body.error.field]).toEqual([400, 'voter']);
    const missing = await ctx.api.get('/v1/events?widgets=poll:private');
    expect([missing.status, missing.body.error.field]).toEqual([400, 'Kolo-Voter']);
    const broken = await ctx.api.get('/v1/widgets/poll/private', { 'kolo-voter': '%E0%A4%A' });
    expect([broken.status, broken.body.error.field, broken.body.error.message]).toEqual([400, 'Kolo-Voter', 'Kolo-Voter: must be percent-encoded']);
  });

  it('lets a site page send the Kolo-Voter header (CORS preflight)', async () => {
    const res = await fetch(`${ctx.server.url}/v1/events?widgets=poll:private`, {
      method: 'OPTIONS',
      headers: { origin: 'https://site.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'kolo-voter' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://site.example');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('kolo-voter');
  });

  it("keeps a waiting or merged idea's id out of other people's counts and live streams, not its author's", async () => {
    const shown = (await ctx.api.post('/v1/actions', idea('hidden', 'author', 'Bike racks at stations'))).body.ideas[0].id;
    await ctx.api.admin('POST', `/ideas/ideas/hidden/${shown}`, { status: 'review' });
    await ctx.api.post('/v1/actions', upvote('hidden', 'fan', shown));
    const dup = (await ctx.api.post('/v1/actions', idea('hidden', 'second', 'Bicycle racks at the stations'))).body.ideas.find((i: any) => i.own).id;
    await ctx.api.admin('POST', `/ideas/ideas/hidden/${dup}`, { status: 'review' });
    await ctx.api.admin('POST', `/ideas/ideas/hidden/${dup}/merge`, { into: shown });
    const waiting = (await ctx.api.post('/v1/actions', idea('hidden', 'author', 'Night buses on weekends'))).body.ideas.find((i: any) => i.status === 'pending').id;

    const other = (await ctx.api.get('/v1/widgets/ideas/hidden', as('fan'))).body;
    const live = (await sse(`${ctx.server.url}/v1/events?widgets=ideas:hidden`, 'fan', (t) => t.length > 0))[0];
    for (const view of [other, live]) {
      expect(JSON.stringify(view)).not.toContain(waiting);
      expect(JSON.stringify(view)).not.toContain(dup);
      expect(view.counts).toEqual({ [shown]: 3 }); // author, fan, second (moved over by the merge)
    }
    const author = (await ctx.api.get('/v1/widgets/ideas/hidden', as('author'))).body;
    expect([author.counts[waiting], author.mine.includes(waiting)]).toEqual([1, true]);
    const authorLive = (await sse(`${ctx.server.url}/v1/events?widgets=ideas:hidden`, 'author', (t) => t.length > 0))[0];
    expect(authorLive.counts[waiting]).toBe(1);
  });
});
