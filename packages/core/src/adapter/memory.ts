import { widgetKey, type KoloAdapter, type Tally, type WidgetRef } from './adapter.ts';
import { applyAction, emptyBox, tallyOf, type BallotBox, type Seed } from './ballots.ts';
import type { Signal } from '../signals/signals.ts';

export interface MemoryAdapterOptions {
  /** starting counts per widget key (`poll:format`) */
  seed?: Record<string, Seed>;
}

export interface MemoryAdapter extends KoloAdapter {
  /** every signal tracked so far, oldest first */
  readonly signals: Signal[];
}

type Listener = { voter: string; fn: (t: Tally) => void };

/** Keeps everything in this page's memory: for tests, Storybook and previews. */
export function memoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const boxes = new Map<string, BallotBox>();
  const listeners = new Map<string, Set<Listener>>();
  const signals: Signal[] = [];
  const box = (key: string) => boxes.get(key) ?? boxes.set(key, emptyBox()).get(key)!;
  const tally = (w: WidgetRef, voter: string) => tallyOf(box(widgetKey(w)), voter, options.seed?.[widgetKey(w)]);

  return {
    signals,
    async load(widget, voter) {
      return tally(widget, voter);
    },
    async send(action) {
      const key = widgetKey(action.widget);
      if (applyAction(box(key), action, Date.now(), options.seed?.[key])) {
        for (const l of listeners.get(key) ?? []) l.fn(tally(action.widget, l.voter));
      }
      return tally(action.widget, action.voter);
    },
    subscribe(widget, voter, fn) {
      const key = widgetKey(widget);
      const set = listeners.get(key) ?? listeners.set(key, new Set()).get(key)!;
      const l = { voter, fn };
      set.add(l);
      return () => set.delete(l);
    },
    track(signal) {
      signals.push(signal);
    },
  };
}
