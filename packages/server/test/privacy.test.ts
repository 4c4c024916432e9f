// Privacy on the wire: the voter id travels in a header, never in an address (proxy and access logs
// keep those).
import { describe, expect, it } from 'vitest';
import { as, drivers, serverFor, vote } from './harness.ts';

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
});
