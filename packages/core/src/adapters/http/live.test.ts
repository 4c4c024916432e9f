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

/** A live stream the test writes events to, and drops. */
function sseStream() {
  let ctrl!: ReadableStreamDefaultController<Uint8Array>;
  const response = new Response(new ReadableStream<Uint8Array>({ start: (c) => void (ctrl = c) }), { status: 200, headers: { 'content-type': 'text/event-stream' } });
  return {
    response,
    send: (widget: object, view: object) => ctrl.enqueue(new TextEncoder().encode(`event: view\ndata: ${JSON.stringify({ widget, view })}\n\n`)),
    drop: () => ctrl.close(),
  };
}

describe("the HTTP adapter's live updates", () => {
  const poll = { kind: 'poll', id: 'p1' } as const;
  const board = { kind: 'ideas', id: 'b1' } as const;
  const idea = (id: string, title: string) => ({ id, title, status: 'review', createdAt: '2030-01-01T00:00:00.000Z', own: false });

  it("merges a public update into the voter's last view: listeners get whole views with their own choices", async () => {
    vi.useFakeTimers();
    const streams: ReturnType<typeof sseStream>[] = [];
    const loaded: Record<string, unknown> = { [poll.id]: { counts: { a: 1 }, voters: 1, mine: ['a'] }, [board.id]: { counts: { i1: 2 }, voters: 2, mine: ['i1'], ideas: [idea('i1', 'One'), idea('i2', 'Two')] } };
    const s = fakeServer(
      (r) => json(200, loaded[new URL(r.url).pathname.split('/').pop()!]),
      () => (streams.push(sseStream()), streams.at(-1)!.response),
    );
    const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch });
    const seen: Record<string, unknown[]> = { poll: [], ideas: [] };
    for (const w of [poll, board]) {
      await adapter.load(w, 'v1');
      adapter.subscribe!(w, 'v1', (v) => seen[w.kind]!.push(v));
    }
    await vi.advanceTimersByTimeAsync(100);
    streams[0]!.send(poll, { counts: { a: 2, b: 1 }, voters: 3, mine: [], partial: 'public' });
    streams[0]!.send(board, { counts: { i2: 4 }, voters: 4, mine: [], partial: 'public', ideas: [{ ...idea('i2', 'Two, planned'), status: 'planned' }], removed: ['i1'] });
    await vi.advanceTimersByTimeAsync(100);
    expect(seen.poll).toEqual([{ counts: { a: 2, b: 1 }, voters: 3, mine: ['a'] }]);
    expect(seen.ideas).toEqual([{ counts: { i2: 4 }, voters: 4, mine: [], ideas: [{ ...idea('i2', 'Two, planned'), status: 'planned' }] }]);
    // the next update merges into the merged one
    streams[0]!.send(poll, { counts: { a: 3, b: 1 }, voters: 4, mine: [], partial: 'public' });
    await vi.advanceTimersByTimeAsync(100);
    expect(seen.poll.at(-1)).toEqual({ counts: { a: 3, b: 1 }, voters: 4, mine: ['a'] });
    adapter.close();
  });

  it('loads a board again when its stream re-opens after a drop (not when it first opens), a poll not', async () => {
    vi.useFakeTimers();
    const streams: ReturnType<typeof sseStream>[] = [];
    let title = 'Before';
    const s = fakeServer(
      (r) => json(200, r.url.includes('/ideas/') ? { counts: {}, voters: 0, mine: [], ideas: [idea('i1', title)] } : view),
      () => (streams.push(sseStream()), streams.at(-1)!.response),
    );
    const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch });
    const titles: string[] = [];
    adapter.subscribe!(board, 'v1', (v) => titles.push(v.ideas![0]!.title));
    adapter.subscribe!(poll, 'v1', () => {});
    const loads = () => s.requests.filter((r) => r.url.includes('/v1/widgets/')).map((r) => new URL(r.url).pathname);
    await vi.advanceTimersByTimeAsync(100);
    expect(loads()).toEqual([]);
    title = 'Changed while the stream was down';
    streams[0]!.drop();
    await vi.advanceTimersByTimeAsync(3000);
    expect(streams).toHaveLength(2);
    expect(loads()).toEqual(['/v1/widgets/ideas/b1']);
    expect(titles).toEqual(['Changed while the stream was down']);
    adapter.close();
  });
  it('keeps a searched board to its query: an update changes the ideas shown and adds none, a reload after a drop asks the same query; an update before the first load is left out', async () => {
    vi.useFakeTimers();
    const streams: ReturnType<typeof sseStream>[] = [];
    const s = fakeServer(
      () => json(200, { counts: { i1: 1 }, voters: 1, mine: [], ideas: [idea('i1', 'Dark mode')] }),
      () => (streams.push(sseStream()), streams.at(-1)!.response),
    );
    const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch });
    const seen: { ideas?: { id: string; title: string }[] }[] = [];
    adapter.subscribe!(board, 'v1', (v) => seen.push(v));
    await vi.advanceTimersByTimeAsync(100);
    streams[0]!.send(board, { counts: { i9: 1 }, voters: 2, mine: [], partial: 'public', ideas: [idea('i9', 'Before the load')] });
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toEqual([]);
    await adapter.load(board, 'v1', { search: 'dark' });
    streams[0]!.send(board, { counts: { i1: 2, i3: 1 }, voters: 3, mine: [], partial: 'public', ideas: [idea('i1', 'Dark mode, planned'), idea('i3', 'Light mode')] });
    await vi.advanceTimersByTimeAsync(100);
    expect(seen.at(-1)!.ideas!.map((i) => i.title)).toEqual(['Dark mode, planned']);
    streams[0]!.drop();
    await vi.advanceTimersByTimeAsync(3000);
    expect(s.requests.filter((r) => r.url.includes('/v1/widgets/')).map((r) => new URL(r.url).search)).toEqual(['?q=dark', '?q=dark']);
    adapter.close();
  });
});
