// The HTTP adapter's `identity` option: the host site's token travels in Kolo-Identity with every
// action and widget read (asked for each request), and no such header goes when there is no token.
import { describe, expect, it } from 'vitest';
import { memoryStorage, type KoloAction } from '../../index.ts';
import { fakeServer, json } from '../../test-utils/fake-server.ts';
import { IDENTITY_HEADER, httpAdapter, type IdentitySource } from './index.ts';

const poll = { kind: 'poll', id: 'p1' } as const;
const vote = (id: string): KoloAction => ({ type: 'vote', id, voter: 'v_1234567890', widget: poll, choices: ['a'], policy: { options: ['a', 'b'], multiple: false, change: false }, at: new Date().toISOString() });

/** What each request to a fake server carried in Kolo-Identity (null: no header), by method and path. */
async function sent(identity: IdentitySource | undefined) {
  const s = fakeServer(() => json(200, { counts: {}, voters: 0, mine: [] }));
  const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch, ...(identity === undefined ? {} : { identity }) });
  await adapter.load(poll, 'v_1234567890');
  await adapter.send(vote('a1'));
  await adapter.load({ kind: 'ideas', id: 'roadmap' }, 'v_1234567890');
  adapter.close();
  return s.requests.map((r) => `${r.method} ${new URL(r.url).pathname} ${r.headers.get(IDENTITY_HEADER)}`);
}

describe('the HTTP adapter and a signed identity', () => {
  it('sends a fixed token with every action and widget read', async () => {
    expect(await sent('jwt.one.two')).toEqual(['GET /v1/widgets/poll/p1 jwt.one.two', 'POST /v1/actions jwt.one.two', 'GET /v1/widgets/ideas/roadmap jwt.one.two']);
  });

  it('asks a function for the current token on each request, and sends none while it gives none', async () => {
    const tokens = ['t1', undefined, 't3'];
    let n = 0;
    expect(await sent(async () => tokens[n++])).toEqual(['GET /v1/widgets/poll/p1 t1', 'POST /v1/actions null', 'GET /v1/widgets/ideas/roadmap t3']);
  });

  it('sends no Kolo-Identity header without the option', async () => {
    expect(await sent(undefined)).toEqual(['GET /v1/widgets/poll/p1 null', 'POST /v1/actions null', 'GET /v1/widgets/ideas/roadmap null']);
  });
});
