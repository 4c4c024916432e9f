// Trust that holds: the client address behind proxies, the admin API's bearer scheme, a strict NODE_ENV.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/config.ts';
import { clientAddress } from '../src/http/client-address.ts';
import { TOKEN, drivers, serverFor, vote } from './harness.ts';

describe('the client address behind trusted proxies', () => {
  it('is read from the right, so the client cannot choose it', () => {
    expect(clientAddress('203.0.113.9', '10.0.0.2', 0)).toBe('10.0.0.2');
    expect(clientAddress('203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    // the client wrote "6.6.6.6, 7.7.7.7"; the one trusted proxy appended what it saw
    expect(clientAddress('6.6.6.6, 7.7.7.7, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress('6.6.6.6, 203.0.113.9, 10.0.0.1', '10.0.0.2', 2)).toBe('203.0.113.9');
    // fewer entries than proxies: the furthest one there is
    expect(clientAddress(undefined, '10.0.0.2', 2)).toBe('10.0.0.2');
  });
});

describe('configuration read strictly', () => {
  it('refuses an unknown NODE_ENV and reads KOLO_TRUST_PROXY as a number of hops', () => {
    expect(() => configFromEnv({ NODE_ENV: 'Production' })).toThrow('NODE_ENV must be production, development or test');
    expect(configFromEnv({ KOLO_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(configFromEnv({}).trustProxy).toBe(0);
    expect(() => configFromEnv({ KOLO_TRUST_PROXY: 'yes' })).toThrow('KOLO_TRUST_PROXY must be a whole number');
  });
});

describe.each(drivers)('trust over HTTP on $name', ({ url }) => {
  const ctx = serverFor(url); // one trusted proxy (the test client plays it)

  it('keeps an IP ban when the client adds its own X-Forwarded-For entries', async () => {
    const hash = (await ctx.api.admin('GET', '/ip-hash/198.51.100.7')).body.hash;
    await ctx.api.admin('POST', '/bans', { type: 'ip', value: hash, reason: 'spam' });
    for (const spoof of ['6.6.6.6', `${Math.random()}`, '198.51.100.8']) {
      const r = await ctx.api.post('/v1/actions', vote('trust-ban', `v-${spoof}`, ['a']), { 'x-forwarded-for': `${spoof}, 198.51.100.7` });
      expect([r.status, r.body.error?.reason]).toEqual([403, 'banned']);
    }
    expect((await ctx.api.post('/v1/actions', vote('trust-ban', 'v-other', ['a']), { 'x-forwarded-for': '198.51.100.7, 198.51.100.9' })).status).toBe(200);
  });

  it('requires the Bearer scheme for the admin API', async () => {
    const call = (authorization: string) => fetch(`${ctx.server.url}/v1/admin/bans`, { headers: { authorization } }).then((r) => r.status);
    expect(await call(TOKEN)).toBe(401);
    expect(await call(`Basic ${TOKEN}`)).toBe(401);
    expect(await call(`Bearer ${TOKEN}`)).toBe(200);
  });
});
