import { describe, expect, it } from 'vitest';
import {
  KoloError,
  createPollStore,
  memoryAdapter,
  withBallot,
  type KoloAdapter,
  type PollConfig,
  type VoteView,
} from '../index.ts';

const config: PollConfig = {
  id: 'format',
  question: 'Carousel or video?',
  options: [
    { id: 'carousel', label: 'Carousel' },
    { id: 'video', label: 'Video' },
  ],
};

const settle = () => new Promise((r) => setTimeout(r, 0));

function mount(adapter: KoloAdapter, voter = 'v1') {
  const store = createPollStore(adapter, config, voter);
  const views: VoteView[] = [];
  const stop = store.$view.subscribe((v) => views.push(v));
  return { store, views, stop };
}

describe('withBallot', () => {
  it('moves the voter between choices and counts voters', () => {
    const t = { counts: { a: 3, b: 1 }, voters: 4, mine: ['a'] };
    expect(withBallot(t, ['b'])).toEqual({ counts: { a: 2, b: 2 }, voters: 4, mine: ['b'] });
    expect(withBallot(t, [])).toEqual({ counts: { a: 2, b: 1 }, voters: 3, mine: [] });
    expect(withBallot({ counts: {}, voters: 0, mine: [] }, ['a'])).toEqual({ counts: { a: 1 }, voters: 1, mine: ['a'] });
  });
});

describe('createPollStore', () => {
  it('loads when mounted and votes', async () => {
    const { store, views } = mount(memoryAdapter());
    expect(views[0]!.status).toBe('loading');
    await settle();
    expect(store.$view.get().status).toBe('ready');
    expect(await store.vote(['video'])).toBe(true);
    expect(store.$view.get()).toMatchObject({ pending: false, error: null, tally: { counts: { video: 1 }, mine: ['video'] } });
  });

  it('shows the vote optimistically, then rolls back when the adapter refuses', async () => {
    let refuse!: (e: unknown) => void;
    const base = memoryAdapter();
    const adapter: KoloAdapter = { ...base, send: () => new Promise((_, rej) => (refuse = rej)) };
    const { store } = mount(adapter);
    await settle();
    const done = store.vote(['carousel']);
    expect(store.$view.get()).toMatchObject({ pending: true, tally: { counts: { carousel: 1 }, voters: 1 } });
    expect(await store.vote(['video'])).toBe(false); // one vote in flight at a time
    refuse(new KoloError('rate-limited', '', 'slow down', 30));
    expect(await done).toBe(false);
    const v = store.$view.get();
    expect(v.pending).toBe(false);
    expect(v.tally).toEqual({ counts: {}, voters: 0, mine: [] });
    expect(v.error).toMatchObject({ code: 'rate-limited', retryAfter: 30 });
  });

  it('turns any thrown value into a network error', async () => {
    const adapter: KoloAdapter = {
      load: () => Promise.reject(new TypeError('Failed to fetch')),
      send: () => Promise.reject('boom'),
    };
    const { store } = mount(adapter);
    await settle();
    expect(store.$view.get()).toMatchObject({ status: 'error', error: { code: 'network', message: 'Failed to fetch' } });
  });

  it('recovers from a load error with reload', async () => {
    let fail = true;
    const base = memoryAdapter();
    const adapter: KoloAdapter = { ...base, load: (w, v) => (fail ? Promise.reject(new Error('down')) : base.load(w, v)) };
    const { store } = mount(adapter);
    await settle();
    expect(store.$view.get().status).toBe('error');
    fail = false;
    await store.reload();
    expect(store.$view.get().status).toBe('ready');
  });

  it('follows live updates from other voters', async () => {
    const adapter = memoryAdapter();
    const { store } = mount(adapter, 'me');
    await settle();
    const other = createPollStore(adapter, config, 'someone-else');
    other.$view.listen(() => {});
    await settle();
    await other.vote(['video']);
    expect(store.$view.get().tally).toEqual({ counts: { video: 1 }, voters: 1, mine: [] });
  });

  it('does not vote before it has loaded', async () => {
    const adapter: KoloAdapter = { load: () => new Promise(() => {}), send: () => Promise.reject(new Error('unexpected')) };
    const { store } = mount(adapter);
    expect(await store.vote(['video'])).toBe(false);
  });
});
