import { describe, expect, it, vi } from 'vitest';
import {
  type WidgetRef,
  KoloError,
  localAdapter,
  memoryAdapter,
  memoryStorage,
  type KoloAdapter,
  type VoteAction,
  type VotePolicy,
} from '../index.ts';

const poll: WidgetRef = { kind: 'poll', id: 'format' };
const single: VotePolicy = { options: ['a', 'b', 'c'], multiple: false, change: false };
let n = 0;
const vote = (voter: string, choices: string[], policy: VotePolicy = single, id = `act-${++n}`): VoteAction => ({
  type: 'vote',
  id,
  voter,
  widget: poll,
  choices,
  policy,
  at: new Date().toISOString(),
});
const rejection = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(KoloError);
  return e as KoloError;
};

const factories: [string, () => KoloAdapter][] = [
  ['memoryAdapter', () => memoryAdapter()],
  ['localAdapter', () => localAdapter({ storage: memoryStorage() })],
];

describe.each(factories)('%s (shared contract)', (_name, make) => {
  it('starts empty and counts one ballot per voter', async () => {
    const a = make();
    expect(await a.load(poll, 'v1')).toEqual({ counts: {}, voters: 0, mine: [] });
    await a.send(vote('v1', ['a']));
    await a.send(vote('v2', ['a']));
    const t = await a.send(vote('v3', ['b']));
    expect(t).toEqual({ counts: { a: 2, b: 1 }, voters: 3, mine: ['b'] });
    expect((await a.load(poll, 'v1')).mine).toEqual(['a']);
  });

  it('refuses a second ballot when changes are not allowed', async () => {
    const a = make();
    await a.send(vote('v1', ['a']));
    const e = await rejection(a.send(vote('v1', ['b'])));
    expect(e.code).toBe('rejected');
    expect(e.reason).toBe('already-voted');
    expect((await a.load(poll, 'v1')).counts).toEqual({ a: 1 });
  });

  it('replaces and withdraws a ballot when changes are allowed', async () => {
    const a = make();
    const policy = { ...single, change: true };
    await a.send(vote('v1', ['a'], policy));
    expect(await a.send(vote('v1', ['c'], policy))).toEqual({ counts: { c: 1 }, voters: 1, mine: ['c'] });
    expect(await a.send(vote('v1', [], policy))).toMatchObject({ voters: 0, mine: [] });
  });

  it('applies a repeated idempotency key once', async () => {
    const a = make();
    const policy = { ...single, change: true };
    const act = vote('v1', ['a'], policy, 'same-key');
    await a.send(act);
    await a.send(vote('v1', ['b'], policy));
    const again = await a.send(act);
    expect(again.counts).toEqual({ b: 1 });
  });

  it('validates choices against the policy', async () => {
    const a = make();
    expect((await rejection(a.send(vote('v1', ['zzz'])))).reason).toBe('invalid-choice');
    expect((await rejection(a.send(vote('v1', ['a', 'b'])))).reason).toBe('too-many-choices');
    expect((await rejection(a.send(vote('v1', ['a', 'a'], { ...single, multiple: true })))).reason).toBe('invalid-choice');
    const multi = { ...single, multiple: true, max: 2 };
    expect((await rejection(a.send(vote('v1', ['a', 'b', 'c'], multi)))).reason).toBe('too-many-choices');
    expect((await a.send(vote('v1', ['a', 'c'], multi))).counts).toEqual({ a: 1, c: 1 });
    expect((await rejection(a.send(vote('v2', [])))).reason).toBe('invalid-choice');
  });

  it('refuses ballots after the closing date', async () => {
    const a = make();
    const e = await rejection(a.send(vote('v1', ['a'], { ...single, closesAt: '2000-01-01T00:00:00Z' })));
    expect(e.reason).toBe('closed');
  });

  it('pushes changes to subscribers with their own view, until unsubscribed', async () => {
    const a = make();
    const seen1 = vi.fn();
    const seen2 = vi.fn();
    const stop1 = a.subscribe!(poll, 'v1', seen1);
    a.subscribe!(poll, 'v2', seen2);
    await a.send(vote('v1', ['a']));
    expect(seen1).toHaveBeenLastCalledWith({ counts: { a: 1 }, voters: 1, mine: ['a'] });
    expect(seen2).toHaveBeenLastCalledWith({ counts: { a: 1 }, voters: 1, mine: [] });
    stop1();
    await a.send(vote('v2', ['b']));
    expect(seen1).toHaveBeenCalledTimes(1);
    expect(seen2).toHaveBeenCalledTimes(2);
  });

  it('keeps widgets apart', async () => {
    const a = make();
    await a.send(vote('v1', ['a']));
    expect((await a.load({ kind: 'poll', id: 'other' }, 'v1')).voters).toBe(0);
    expect((await a.load({ kind: 'choice', id: 'format' }, 'v1')).voters).toBe(0);
  });
});

describe('memoryAdapter', () => {
  it('adds seeded counts to real ballots and records signals', async () => {
    const a = memoryAdapter({ seed: { 'poll:format': { counts: { a: 10, b: 5 } } } });
    expect(await a.send(vote('v1', ['b']))).toEqual({ counts: { a: 10, b: 6 }, voters: 16, mine: ['b'] });
    a.track!({ type: 'view', widget: poll, voter: 'v1', at: 'x' });
    expect(a.signals).toHaveLength(1);
  });
});

describe('localAdapter', () => {
  it('keeps ballots in storage, so a new page (adapter) sees them', async () => {
    const storage = memoryStorage();
    await localAdapter({ storage }).send(vote('v1', ['a']));
    const reloaded = localAdapter({ storage });
    expect(await reloaded.load(poll, 'v1')).toEqual({ counts: { a: 1 }, voters: 1, mine: ['a'] });
    // and still enforces one ballot per voter after the reload
    expect((await rejection(reloaded.send(vote('v1', ['b'])))).reason).toBe('already-voted');
  });

  it('survives corrupt storage without throwing and keeps the corrupt data aside', async () => {
    const storage = memoryStorage();
    storage.setItem('kolo:v1:poll:format', '{not json');
    const a = localAdapter({ storage });
    expect(await a.load(poll, 'v1')).toEqual({ counts: {}, voters: 0, mine: [] });
    expect(storage.getItem('kolo:v1:corrupt:poll:format')).toBe('{not json');
    storage.setItem('kolo:v1:poll:format', JSON.stringify({ ballots: { v9: ['a', 5], v8: 'x' }, applied: 7 }));
    expect(await a.load(poll, 'v1')).toEqual({ counts: { a: 1 }, voters: 1, mine: [] });
  });

  it('reports a storage that refuses writes as a rejected action', async () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const e = await rejection(localAdapter({ storage }).send(vote('v1', ['a'])));
    expect(e.reason).toBe('storage');
  });

  it('notifies subscribers when another tab writes (storage event)', async () => {
    const storage = memoryStorage();
    const target = new EventTarget();
    vi.stubGlobal('addEventListener', target.addEventListener.bind(target));
    vi.stubGlobal('removeEventListener', target.removeEventListener.bind(target));
    try {
      const here = localAdapter({ storage });
      const seen = vi.fn();
      here.subscribe!(poll, 'v1', seen);
      // another tab: a separate adapter on the same storage, whose write this tab learns about by event
      await localAdapter({ storage }).send(vote('v2', ['c']));
      expect(seen).not.toHaveBeenCalled();
      const ev = Object.assign(new Event('storage'), { key: 'kolo:v1:poll:format' });
      target.dispatchEvent(ev);
      expect(seen).toHaveBeenCalledWith({ counts: { c: 1 }, voters: 1, mine: [] });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
