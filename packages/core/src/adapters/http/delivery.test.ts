// The outbox's schedule, against a fake server with fake timers: a limit keeps the action and waits
// the server's Retry-After; only a refusal of the contract's table drops it (and says so); failures
// back off with jitter and give up visibly.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KoloError, memoryStorage, type KoloAction, type View } from '../../index.ts';
import { fakeServer, json, refusal, type Request } from '../../test-utils/fake-server.ts';
import { httpAdapter } from './index.ts';

const policy = { options: ['a', 'b', 'c'], multiple: false, change: true };
let n = 0;
const vote = (poll: string, choices: string[], voter = 'v1'): KoloAction => ({ type: 'vote', id: `a${++n}`, voter, widget: { kind: 'poll', id: poll }, choices, policy, at: new Date().toISOString() });
const accepted = (r: Request) => {
  const a = JSON.parse(r.body!) as { choices: string[] };
  return json(200, { counts: Object.fromEntries(a.choices.map((c) => [c, 1])), voters: 1, mine: a.choices } satisfies View);
};
const offline = () => Promise.reject(new TypeError('Failed to fetch'));
/** A server whose answer to actions the test changes as it goes (GETs: an empty view). */
function server(first: (r: Request) => Response | Promise<Response>) {
  let answer = first;
  const s = fakeServer((r) => (r.method === 'POST' ? answer(r) : json(200, { counts: {}, voters: 0, mine: [] })));
  const adapter = httpAdapter({ endpoint: 'https://kolo.test', storage: memoryStorage(), fetch: s.fetch });
  return { ...s, adapter, answer: (fn: typeof answer) => (answer = fn) };
}
const settle = <T>(p: Promise<T>) => p.then((v) => v, (e: unknown) => e as KoloError);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the outbox meets a limit (429)', () => {
  it('keeps the vote and sends every kept action only after Retry-After', async () => {
    const s = server(() => refusal(429, 'rate', { retryAfter: 7 }, { 'retry-after': '7' }));
    const first = vote('p1', ['a']);
    expect(await settle(s.adapter.send(first))).toMatchObject({ mine: ['a'], queued: 1 });
    s.answer(accepted);
    // another vote meanwhile waits too: the limit is the server's, for everything kept
    const second = vote('p2', ['b']);
    expect(await s.adapter.send(second)).toMatchObject({ mine: ['b'], queued: 1 });
    expect(s.posted()).toEqual([first.id]);
    await vi.advanceTimersByTimeAsync(6900);
    expect(s.posted()).toEqual([first.id]);
    await vi.advanceTimersByTimeAsync(200);
    expect(s.posted()).toEqual([first.id, first.id, second.id]);
    expect(s.adapter.queued()).toEqual([]);
    s.adapter.close();
  });

  it('keeps queued votes that meet a 429 on delivery until they are stored (none lost)', async () => {
    const s = server(offline);
    const votes = [vote('p3', ['a']), vote('p3', ['b']), vote('p3', ['c']), vote('p3', ['a'])];
    for (const v of votes) expect(await s.adapter.send(v)).toMatchObject({ queued: expect.any(Number) });
    // back online, and the server takes one a minute from this voter
    let taken = 0;
    const stored: string[] = [];
    s.answer((r) => {
      if (taken++ > 0) return refusal(429, 'rate', { retryAfter: 60 }, { 'retry-after': '60' });
      stored.push((JSON.parse(r.body!) as { id: string }).id);
      return accepted(r);
    });
    await s.adapter.flush();
    expect([stored.length, s.adapter.queued().length]).toEqual([1, 3]);
    for (let minute = 0; minute < 3; minute++) {
      taken = 0;
      await vi.advanceTimersByTimeAsync(60_000);
    }
    const lost = votes.filter((v) => !stored.includes(v.id));
    expect(`${lost.length} of ${votes.length - 1} lost`).toBe('0 of 3 lost');
    expect(stored).toEqual(votes.map((v) => v.id));
    s.adapter.close();
  });

  it('waits at most 10 minutes whatever Retry-After says, 30 s when it says nothing, at least 1 s', async () => {
    for (const [header, wait] of [['86400', 600_000], [null, 30_000], ['0.01', 1000]] as const) {
      const s = server(() => (header ? refusal(429, 'rate', {}, { 'retry-after': header }) : new Response('slow down', { status: 429 })));
      const t0 = Date.now();
      await s.adapter.send(vote('p4', ['a']));
      s.answer(accepted);
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(s.posted()).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(s.requests.filter((r) => r.method === 'POST').map((r) => r.at - t0)).toEqual([0, wait]);
      s.adapter.close();
    }
  });
});

describe('the outbox meets a refusal or a failure', () => {
  it('drops a kept vote the server refuses for good, and tells the widget that kept it why', async () => {
    const s = server(offline);
    const told: [View, KoloError | undefined][] = [];
    s.adapter.subscribe!({ kind: 'poll', id: 'p5' }, 'v1', (view, error) => told.push([view, error]));
    const kept = vote('p5', ['a']);
    expect(await s.adapter.send(kept)).toMatchObject({ mine: ['a'], queued: 1 });
    s.answer(() => refusal(409, 'closed'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(s.adapter.queued()).toEqual([]);
    const [view, error] = told.at(-1)!;
    expect([view.mine, view.queued, error?.code, error?.reason]).toEqual([[], undefined, 'rejected', 'closed']);
    // a direct refusal is thrown to the store as always
    const direct = await settle(s.adapter.send(vote('p5', ['b'])));
    expect([(direct as KoloError).code, (direct as KoloError).reason]).toEqual(['rejected', 'closed']);
    s.adapter.close();
  });

  it('keeps what is not a refusal in Kolo\'s words: a 408, a proxy\'s page or JSON, a 5xx', async () => {
    const answers = [
      () => new Response('timeout', { status: 408 }),
      () => refusal(408, 'timeout'),
      () => json(404, { message: 'no such route on this proxy' }),
      () => json(403, { error: { message: 'blocked by the firewall' } }),
      () => refusal(500, 'internal'),
    ];
    for (const answer of answers) {
      const s = server(answer);
      expect(await s.adapter.send(vote('p6', ['a']))).toMatchObject({ queued: 1 });
      expect(s.adapter.queued()).toHaveLength(1);
      s.adapter.close();
    }
  });

  it('backs off from 2 s, doubling with jitter up to 5 minutes, and gives up visibly after 10 tries', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1); // the longest jitter: the delays exactly
    const s = server(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    const told: (KoloError | undefined)[] = [];
    s.adapter.subscribe!({ kind: 'poll', id: 'p7' }, 'v1', (_view, error) => told.push(error));
    await vi.advanceTimersByTimeAsync(100); // the live stream is open (a reconnect is a moment to deliver, too)
    const t0 = Date.now();
    expect(await s.adapter.send(vote('p7', ['a']))).toMatchObject({ queued: 1 });
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    const at = s.requests.filter((r) => r.method === 'POST').map((r) => r.at - t0);
    const gaps = at.slice(1).map((x, i) => (x - at[i]!) / 1000);
    expect(gaps).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 300]);
    expect(s.adapter.queued()).toEqual([]);
    expect(told.at(-1)?.code).toBe('network');
    s.adapter.close();
  });

  it('jitters each wait between half and all of it, and does not count tries while the device is offline', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    vi.stubGlobal('navigator', { onLine: false });
    const s = server(offline);
    const t0 = Date.now();
    await s.adapter.send(vote('p8', ['a']));
    await vi.advanceTimersByTimeAsync(10_000);
    const at = s.requests.filter((r) => r.method === 'POST').map((r) => (r.at - t0) / 1000);
    expect(at.slice(0, 3)).toEqual([0, 1, 2]); // half of 2 s, again and again: no try counted
    expect(s.adapter.queued()).toHaveLength(1);
    vi.unstubAllGlobals();
    s.adapter.close();
  });

  it('delivers in order: a later vote never overtakes a kept one', async () => {
    const s = server(offline);
    const first = vote('p9', ['a']);
    await s.adapter.send(first);
    s.answer(accepted);
    const second = vote('p9', ['b']);
    expect(await s.adapter.send(second)).toMatchObject({ mine: ['b'] });
    expect(s.posted()).toEqual([first.id, first.id, second.id]);
    expect(s.adapter.queued()).toEqual([]);
    s.adapter.close();
  });
});
