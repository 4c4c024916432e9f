// Signed identity from the host site over real HTTP: tokens verified (HS256, EdDSA) or refused with a
// reason naming what failed; the widget's identity policy; one vote per person across browsers.
import { describe, expect, it } from 'vitest';
import { as, drivers, key, now, serverFor, vote } from './harness.ts';
import { AUDIENCE, identityConfig, signedAs, token, unsigned } from './identity-tokens.ts';
import { configFromEnv } from '../src/config.ts';
import { checkIdentityKey } from '../src/identity/verify.ts';

const poll = { options: ['a', 'b', 'c'], multiple: false, change: false };

describe('the identity configuration', () => {
  it('needs an audience with a key, a long enough secret, and a key for an audience', () => {
    const secret = 'x'.repeat(32);
    expect(configFromEnv({ KOLO_IDENTITY_SECRET: secret, KOLO_IDENTITY_AUDIENCE: 'kolo' }).identity).toEqual({ secret, audience: 'kolo' });
    expect(() => configFromEnv({ KOLO_IDENTITY_SECRET: secret })).toThrow('KOLO_IDENTITY_AUDIENCE is required');
    expect(() => configFromEnv({ KOLO_IDENTITY_SECRET: 'short', KOLO_IDENTITY_AUDIENCE: 'kolo' })).toThrow('at least 32 characters');
    expect(() => configFromEnv({ KOLO_IDENTITY_AUDIENCE: 'kolo' })).toThrow('need KOLO_IDENTITY_SECRET');
    expect(configFromEnv({}).identity).toBeUndefined();
  });

  it('refuses a public key that is not one when the server starts (not a 500 on every token later)', async () => {
    await expect(checkIdentityKey({ publicKey: 'not a key', audience: 'kolo' })).rejects.toThrow('KOLO_IDENTITY_PUBLIC_KEY is not an Ed25519 public key');
    await expect(checkIdentityKey({ publicKey: '{"kty":"OKP","crv":"Ed25519"}', audience: 'kolo' })).rejects.toThrow('KOLO_IDENTITY_PUBLIC_KEY');
    await expect(checkIdentityKey(identityConfig)).resolves.toBeUndefined();
    await expect(checkIdentityKey(undefined)).resolves.toBeUndefined();
  });
});

describe.each(drivers)('signed identity over HTTP on $name', ({ url }) => {
  const ctx = serverFor(url, { identity: identityConfig });
  const send = (widget: string, voter: string, choices: string[], jwt?: string) => ctx.api.post('/v1/actions', vote(widget, voter, choices), jwt ? signedAs(jwt) : {});
  const view = (widget: string, voter: string, jwt?: string) => ctx.api.get(`/v1/widgets/poll/${widget}`, { ...as(voter), ...(jwt ? signedAs(jwt) : {}) });

  it('counts a person with an HS256 or an EdDSA token', async () => {
    for (const alg of ['hs', 'ed'] as const) {
      const r = await send(`id-${alg}`, `v_${alg}browser1`, ['a'], await token(`user-${alg}`, {}, alg));
      expect([r.status, r.body.voters, r.body.mine]).toEqual([200, 1, ['a']]);
      // the same person from another browser: their own ballot, and refused a second one
      expect((await view(`id-${alg}`, `v_${alg}browser2`, await token(`user-${alg}`, {}, alg))).body.mine).toEqual(['a']);
      const again = await send(`id-${alg}`, `v_${alg}browser2`, ['b'], await token(`user-${alg}`, {}, alg));
      expect([again.status, again.body.error?.reason]).toEqual([409, 'already-voted']);
      expect((await view(`id-${alg}`, 'v_someone')).body).toMatchObject({ voters: 1, counts: { a: 1 } });
    }
  });

  it('refuses forged, unsigned, expired, early, foreign, long-lived and malformed tokens with 401 and what failed', async () => {
    const cases: [string, string | Promise<string>, string][] = [
      ['forged (another secret)', token('u1', {}, 'other-hs'), 'forged'],
      ['forged (another Ed25519 key)', token('u1', {}, 'other-ed'), 'forged'],
      ['alg none', unsigned('u1'), 'algorithm'],
      ['expired', token('u1', { iat: -3600, exp: -120 }), 'expired'],
      ['not yet valid', token('u1', { nbf: 600 }), 'not-yet-valid'],
      ['another audience', token('u1', { aud: `${AUDIENCE}.evil` }), 'audience'],
      ['another issuer', token('u1', { iss: 'https://evil.example' }), 'issuer'],
      ['too long-lived', token('u1', { exp: 2 * 86400 }), 'lifetime'],
      ['without a subject', token('', {}), 'claims'],
      ['garbage', 'not.a.token', 'malformed'],
      ['too long', 'a'.repeat(5000), 'too-long'],
    ];
    for (const [name, jwt, rule] of cases) {
      const r = await send('id-refused', 'v_refused1', ['a'], await jwt);
      expect([name, r.status, r.body.error?.reason, r.body.error?.field, r.body.error?.rule]).toEqual([name, 401, 'identity-invalid', 'Kolo-Identity', rule]);
      expect(r.body.error.message).toMatch(/^Kolo-Identity: /);
      const read = await view('id-refused', 'v_refused1', await jwt);
      expect([name, read.status, read.body.error?.rule]).toEqual([name, 401, rule]);
    }
    // nothing was counted
    expect((await view('id-refused', 'v_refused1')).body).toMatchObject({ voters: 0, mine: [] });
  });

  it('takes a token within the 30 s clock tolerance', async () => {
    expect((await send('id-skew', 'v_skew1', ['a'], await token('u-skew', { iat: -600, exp: -10 }))).status).toBe(200);
  });

  it('never lets an anonymous voter id pass for a signed one', async () => {
    const r = await send('id-prefix', 'signed:abc', ['a']);
    expect([r.status, r.body.error?.reason, r.body.error?.field]).toEqual([400, 'invalid-voter', 'voter']);
    const read = await view('id-prefix', 'signed:abc');
    expect([read.status, read.body.error?.field]).toEqual([400, 'Kolo-Voter']);
  });

  it("follows each widget's registered policy: signed refuses the anonymous, anonymous ignores tokens", async () => {
    await ctx.api.admin('PUT', '/widgets/poll/id-signed', { rules: { policy: poll, identity: 'signed' } });
    await ctx.api.admin('PUT', '/widgets/poll/id-anon', { rules: { policy: poll, identity: 'anonymous' } });
    expect((await ctx.api.admin('GET', '/widgets')).body.widgets.find((w: { id: string }) => w.id === 'id-signed').rules.identity).toBe('signed');
    const anon = await send('id-signed', 'v_policy1', ['a']);
    expect([anon.status, anon.body.error?.reason, anon.body.error?.field]).toEqual([401, 'identity-required', 'Kolo-Identity']);
    expect((await send('id-signed', 'v_policy1', ['a'], await token('u-policy'))).status).toBe(200);
    // an anonymous browser may still read it (and sees no ballot of its own)
    expect((await view('id-signed', 'v_policy1')).body).toMatchObject({ voters: 1, mine: [] });
    // anonymous: the token (even a bad one) is ignored; two browsers of one person are two voters
    expect((await send('id-anon', 'v_policy1', ['a'], await token('u-policy'))).status).toBe(200);
    expect((await send('id-anon', 'v_policy2', ['b'], 'garbage')).status).toBe(200);
    expect((await view('id-anon', 'v_policy3', await token('u-policy'))).body).toMatchObject({ voters: 2, mine: [] });
    // an invalid policy is refused, naming the field
    const bad = await ctx.api.admin('PUT', '/widgets/poll/id-bad', { rules: { policy: poll, identity: 'maybe' } });
    expect([bad.status, bad.body.error?.field]).toEqual([400, 'rules.identity']);
  });

  it('counts one person voting from two browsers once', async () => {
    const [a, b] = await Promise.all([send('id-two', 'v_laptop01', ['a'], await token('u-two')), send('id-two', 'v_phone001', ['a'], await token('u-two'))]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await view('id-two', 'v_third001')).body).toMatchObject({ voters: 1, counts: { a: 1 } });
  });

  it('shows the share of signed actions in the site metrics', async () => {
    const range = (await ctx.api.admin('GET', `/metrics?from=${new Date(Date.now() - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`)).body;
    const before = range.signed;
    await send('id-share', 'v_share001', ['a'], await token('u-share'));
    await send('id-share', 'v_share002', ['a']);
    await send('id-share', 'v_share003', ['b']);
    const m = (await ctx.api.admin('GET', `/metrics?from=${new Date(Date.now() - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`)).body;
    expect([m.signed.actions - before.actions, m.signed.signed - before.signed]).toEqual([3, 1]);
    expect(m.signed.share).toBeCloseTo(m.signed.signed / m.signed.actions);
  });
});

describe.each(drivers)('a server that verifies no identities, on $name', ({ url }) => {
  const ctx = serverFor(url);
  it('refuses a token, saying so, rather than quietly ignoring it', async () => {
    const r = await ctx.api.post('/v1/actions', { ...vote('no-id', 'v_noid0001', ['a']), id: key('v'), at: now() }, signedAs(await token('u1')));
    expect([r.status, r.body.error?.reason, r.body.error?.rule]).toEqual([401, 'identity-invalid', 'not-configured']);
    expect(r.body.error.message).toContain('KOLO_IDENTITY_SECRET');
    // and CORS lets a site's page send the header
    const pre = await fetch(`${ctx.server.url}/v1/actions`, { method: 'OPTIONS', headers: { origin: 'https://site.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'kolo-identity' } });
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('kolo-identity');
  });
});
