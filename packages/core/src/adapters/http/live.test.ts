// Live streams for any number of widgets: one stream per 50 widgets (the server's limit per stream);
// a stream the server refuses is not asked for again, one it has no room for is, after Retry-After.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../index.ts';
import { fakeServer, json, refusal } from '../../test-utils/fake-server.ts';
import { httpAdapter } from './index.ts';

afterEach(() => {
  vi.useRealTimers();
});

const view = { counts: {}, voters: 0, mine: [] };
const streamsOf = (s: ReturnType<typeof fakeServer>) => s.requests.filter((r) => r.url.includes('/v1/events'));
const widgetsOf = (url: string) => new URL(url).searchParams.get('widgets')!.split(',');

describe("the HTTP adapter's live streams", () => {
  it('follows a page of 120 widgets on three streams of at most 50, each widget on one', async () => {
    vi.useFakeTimers();
    const s = fakeServer(() => json(200, view));
    const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch });
    for (let i = 0; i < 120; i++) adapter.subscribe!({ kind: 'poll', id: `p${i}` }, 'v1', () => {});
    await vi.advanceTimersByTimeAsync(100);
    const sizes = streamsOf(s).map((r) => widgetsOf(r.url).length);
    expect(sizes).toEqual([50, 50, 20]);
    expect(new Set(streamsOf(s).flatMap((r) => widgetsOf(r.url))).size).toBe(120);
    adapter.close();
  });

  it('does not ask again for a stream the server refused (400), however long the page stays open', async () => {
    vi.useFakeTimers();
    const s = fakeServer(() => json(200, view), () => refusal(400, 'invalid', { field: 'widgets' }));
    const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch });
    adapter.subscribe!({ kind: 'poll', id: 'p1' }, 'v1', () => {});
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(`${streamsOf(s).length} requests for a refused stream in 10 minutes`).toBe('1 requests for a refused stream in 10 minutes');
    adapter.close();
  });

  it('asks again for a stream the server had no room for, after its Retry-After', async () => {
    vi.useFakeTimers();
    let full = true;
    const s = fakeServer(
      () => json(200, view),
      () => (full ? refusal(429, 'rate', { retryAfter: 30 }, { 'retry-after': '30' }) : undefined),
    );
    const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch });
    adapter.subscribe!({ kind: 'poll', id: 'p1' }, 'v1', () => {});
    await vi.advanceTimersByTimeAsync(29_000);
    expect(streamsOf(s)).toHaveLength(1);
    full = false;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(streamsOf(s)).toHaveLength(2);
    adapter.close();
  });
});
