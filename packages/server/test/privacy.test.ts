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

  it("keeps a waiting or merged idea's id out of other people's counts and everyone's live updates, not its author's view", async () => {
    // both follow the board from the start: live updates are the same for everyone, the author included
    let last = '';
    const follow = (voter: string) => sse(`${ctx.server.url}/v1/events?widgets=ideas:hidden`, voter, (t) => t.some((v) => v.counts[last] === 4), 15_000);
    const streams = [follow('fan'), follow('author')];
    await new Promise((r) => setTimeout(r, 200));
    const shown = (await ctx.api.post('/v1/actions', idea('hidden', 'author', 'Bike racks at stations'))).body.ideas[0].id;
    await ctx.api.admin('POST', `/ideas/ideas/hidden/${shown}`, { status: 'review' });
    await ctx.api.post('/v1/actions', upvote('hidden', 'fan', shown));
    const dup = (await ctx.api.post('/v1/actions', idea('hidden', 'second', 'Bicycle racks at the stations'))).body.ideas.find((i: any) => i.own).id;
    await ctx.api.admin('POST', `/ideas/ideas/hidden/${dup}`, { status: 'review' });
    await ctx.api.admin('POST', `/ideas/ideas/hidden/${dup}/merge`, { into: shown });
    const waiting = (await ctx.api.post('/v1/actions', idea('hidden', 'author', 'Night buses on weekends'))).body.ideas.find((i: any) => i.status === 'pending').id;
    await new Promise((r) => setTimeout(r, 300));
    last = shown;
    await ctx.api.post('/v1/actions', upvote('hidden', 'late', shown));

    const other = (await ctx.api.get('/v1/widgets/ideas/hidden', as('fan'))).body;
    expect(JSON.stringify(other)).not.toContain(waiting);
    expect(JSON.stringify(other)).not.toContain(dup);
    expect(other.counts).toEqual({ [shown]: 4 }); // author, fan, second (moved over by the merge), late
    for (const updates of await Promise.all(streams)) {
      expect(updates.at(-1).counts).toEqual({ [shown]: 4 });
      // a waiting idea never, nobody's choices, authorship or contact never; the merged one is removed
      expect(JSON.stringify(updates)).not.toContain(waiting);
      expect(updates.flatMap((v) => v.mine)).toEqual([]);
      expect(updates.flatMap((v) => v.ideas ?? []).filter((i: any) => i.own || 'author' in i || 'contact' in i)).toEqual([]);
      const afterMerge = updates.findIndex((v) => v.removed?.includes(dup));
      expect(afterMerge).toBeGreaterThan(0);
      // after that, never again as an idea or a count (an update computed as the merge committed may
      // repeat the removal: it says nothing new)
      expect(JSON.stringify(updates.slice(afterMerge + 1).map((v) => [v.counts, v.ideas, v.mine]))).not.toContain(dup);
    }
    const author = (await ctx.api.get('/v1/widgets/ideas/hidden', as('author'))).body;
    expect([author.counts[waiting], author.mine.includes(waiting)]).toEqual([1, true]);
  });
});
