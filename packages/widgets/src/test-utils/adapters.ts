/** Adapters for stories and tests: every state a widget can be in. No test-runner imports here. */
import { memoryAdapter, voterId, type KoloAdapter, type Seed } from '@kolo/core';

/** An adapter whose every call fails like a dead network. */
export const failingAdapter = (): KoloAdapter => ({
  load: () => Promise.reject(new TypeError('Failed to fetch')),
  send: () => Promise.reject(new TypeError('Failed to fetch')),
});

/** An adapter that never answers (stays loading). */
export const hangingAdapter = (): KoloAdapter => ({
  load: () => new Promise(() => {}),
  send: () => new Promise(() => {}),
});

/** A memory adapter whose load fails until `heal()` is called. */
export function flakyAdapter() {
  const base = memoryAdapter();
  let broken = true;
  const adapter: KoloAdapter = {
    ...base,
    load: (w, v) => (broken ? Promise.reject(new TypeError('Failed to fetch')) : base.load(w, v)),
  };
  return { adapter, heal: () => (broken = false) };
}

/** Cast `voter`'s ballot straight through the adapter, as another page would. */
export const castVote = (adapter: KoloAdapter, voter: string, widget: { kind: string; id: string }, choices: string[], options: string[]) =>
  adapter.send({
    type: 'vote',
    id: `${voter}-${widget.kind}-${widget.id}-${choices.join('+')}`,
    voter,
    widget,
    choices,
    policy: { options, multiple: choices.length > 1, change: true },
    at: new Date().toISOString(),
  });

/** A memory adapter with starting counts where this browser's voter has already chosen `mine`. */
export function votedAdapter(kind: string, id: string, options: string[], mine: string[], seed?: Seed): KoloAdapter {
  const adapter = memoryAdapter(seed ? { seed: { [`${kind}:${id}`]: seed } } : {});
  void castVote(adapter, voterId(), { kind, id }, mine, options);
  return adapter;
}
