// The HTTP adapter keeps the voter id out of every address it requests (proxy and access logs keep
// addresses): reads and live streams name the voter in the Kolo-Voter header.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage, type KoloAction } from '../../index.ts';
import { fakeServer, json } from '../../test-utils/fake-server.ts';
import { VOTER_HEADER, httpAdapter } from './index.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('the HTTP adapter and the voter id', () => {
  it('never puts the voter id in a URL: reads and live streams carry it in the Kolo-Voter header', async () => {
    vi.useFakeTimers();
    const voter = 'v_secret0123456789';
    const view = { counts: {}, voters: 0, mine: [] };
    const s = fakeServer((r) => (r.url.endsWith('/v1/signals') ? new Response(null, { status: 204 }) : json(200, view)));
    const adapter = httpAdapter({ endpoint: 'https://kolo.test/', storage: memoryStorage(), fetch: s.fetch, signalEvery: 1000 });
    const poll = { kind: 'poll', id: 'p1' } as const;
    await adapter.load(poll, voter);
    await adapter.load({ kind: 'ideas', id: 'roadmap' }, 'café ☕');
    const stop = adapter.subscribe!(poll, voter, () => {});
    const action: KoloAction = { type: 'vote', id: 'a1', voter, widget: poll, choices: ['a'], policy: { options: ['a', 'b'], multiple: false, change: false }, at: new Date().toISOString() };
    await adapter.send(action);
    adapter.track!({ type: 'view', widget: poll, voter, at: new Date().toISOString() });
    await vi.advanceTimersByTimeAsync(1500);
    stop();
    adapter.close();

    const kinds = s.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`).sort();
    expect(kinds).toEqual(['GET /v1/events', 'GET /v1/widgets/ideas/roadmap', 'GET /v1/widgets/poll/p1', 'POST /v1/actions', 'POST /v1/signals']);
    const inUrls = s.requests.filter((r) => r.url.includes('secret') || r.url.includes('caf'));
    expect(`${inUrls.length} of ${s.requests.length} URLs carry a voter id`).toBe(`0 of ${s.requests.length} URLs carry a voter id`);
    const reads = s.requests.filter((r) => r.method === 'GET');
    expect(reads.map((r) => decodeURIComponent(r.headers.get(VOTER_HEADER)!))).toEqual([voter, 'café ☕', voter]);
    expect(reads.map((r) => new URL(r.url).search)).toEqual(['', '', '?widgets=poll%3Ap1']);
  });
});

describe("the HTTP adapter and a board's partial answers", () => {
  it("merges an upvote's answer (a partial view) into the kept board: send and listeners get the whole board", async () => {
    const board = { kind: 'ideas', id: 'b1' } as const;
    const idea = (id: string) => ({ id, title: `Idea ${id}`, status: 'review', createdAt: '2030-01-01T00:00:00.000Z', own: false });
    const s = fakeServer((r) =>
      r.method === 'GET'
        ? json(200, { counts: { i1: 1 }, voters: 1, mine: [], ideas: [idea('i1'), idea('i2')] })
        : json(200, { partial: 'voter', counts: { i2: 3 }, voters: 2, mine: ['i2'], ideas: [idea('i2')] }),
    );
    const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch });
    await adapter.load(board, 'v1');
    const heard: unknown[] = [];
    adapter.subscribe!(board, 'v1', (v) => heard.push(v));
    const whole = { counts: { i1: 1, i2: 3 }, voters: 2, mine: ['i2'], ideas: [idea('i1'), idea('i2')] };
    const answer = await adapter.send({ type: 'upvote', id: 'u1', voter: 'v1', widget: board, idea: 'i2', on: true, at: new Date().toISOString() });
    expect(answer).toEqual(whole);
    expect(heard).toEqual([whole]);
    adapter.close();
  });
});
