// Following by email through the adapters: the HTTP adapter posts to the server (voter in the header,
// never the address) and reads its refusals; adapters that send no email do not offer it.
import { describe, expect, it } from 'vitest';
import { KoloError, localAdapter, memoryAdapter, memoryStorage } from '../../index.ts';
import { fakeServer, json, refusal } from '../../test-utils/fake-server.ts';
import { VOTER_HEADER, httpAdapter } from './index.ts';

const follow = { kind: 'ideas', board: 'roadmap', idea: 'i1', email: 'ann@example.com', lang: 'uk' } as const;

describe('following by email', () => {
  it('posts the follow to /v1/follows with the voter in its header, and answers whether the email was confirmed', async () => {
    const s = fakeServer(() => json(202, { confirmed: false }));
    const adapter = httpAdapter({ endpoint: 'https://kolo.test/', storage: memoryStorage(), fetch: s.fetch });
    expect(await adapter.follow!('v_1', follow)).toEqual({ confirmed: false });
    const [r] = s.requests;
    expect(`${r!.method} ${r!.url}`).toBe('POST https://kolo.test/v1/follows');
    expect(r!.headers.get(VOTER_HEADER)).toBe('v_1');
    expect(JSON.parse(r!.body!)).toEqual(follow);
    adapter.close();
  });

  it("rejects with the server's reason: notifications off, an invalid email", async () => {
    for (const [status, reason] of [[409, 'notifications-off'], [400, 'invalid']] as const) {
      const s = fakeServer(() => refusal(status, reason, { field: 'email' }));
      const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch });
      const e = await adapter.follow!('v_1', follow).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(KoloError);
      expect([(e as KoloError).code, (e as KoloError).reason]).toEqual(['rejected', reason]);
      adapter.close();
    }
  });

  it('is not offered by adapters that send no email (memory, local): a board shows no "Tell me"', () => {
    expect(memoryAdapter().follow).toBeUndefined();
    expect(localAdapter({ storage: memoryStorage() }).follow).toBeUndefined();
  });
});
