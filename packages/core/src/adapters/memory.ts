import { widgetKey, type KoloAdapter, type Signal, type View, type WidgetRef } from '../contract/index.ts';
import { applyAction, emptyBox, viewOf, type BallotBox, type BoxRules, type RuleAdapter, type Seed } from './box.ts';

export interface MemoryAdapterOptions {
  /** starting counts per widget key (`poll:format`) */
  seed?: Record<string, Seed>;
  /** rules for more action types (e.g. `ideaRules`); the idea store also adds them when it is used */
  rules?: BoxRules[];
}

export interface MemoryAdapter extends KoloAdapter, RuleAdapter {
  /** every signal tracked so far, oldest first */
  readonly signals: Signal[];
}

type Listener = { voter: string; fn: (v: View) => void };

/** Keeps everything in this page's memory: for tests, Storybook and previews. */
export function memoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const boxes = new Map<string, BallotBox>();
  const listeners = new Map<string, Set<Listener>>();
  const signals: Signal[] = [];
  const rules = [...(options.rules ?? [])];
  const box = (key: string) => boxes.get(key) ?? boxes.set(key, emptyBox()).get(key)!;
  const view = (w: WidgetRef, voter: string) => viewOf(box(widgetKey(w)), voter, options.seed?.[widgetKey(w)], rules);

  return {
    signals,
    addRules(r) {
      if (!rules.includes(r)) rules.push(r);
    },
    async load(widget, voter) {
      return view(widget, voter);
    },
    async send(action) {
      const key = widgetKey(action.widget);
      if (applyAction(box(key), action, Date.now(), options.seed?.[key], rules)) {
        for (const l of listeners.get(key) ?? []) l.fn(view(action.widget, l.voter));
      }
      return view(action.widget, action.voter);
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
