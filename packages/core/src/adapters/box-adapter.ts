/**
 * What the memory and local adapters share: ballot boxes kept somewhere (a Map, localStorage), the
 * rules applied to them, live updates for listeners, and idea rules (or others) learned on use.
 */
import { widgetKey, type WidgetRef } from '../contract/widgets.ts';
import type { KoloAdapter } from '../contract/adapter.ts';
import type { View } from '../contract/views.ts';
import { applyAction, viewOf, type BallotBox, type BoxRules, type RuleAdapter, type Seed } from './box.ts';

export interface BoxAdapterOptions {
  /** starting counts per widget key (`poll:format`), added to the real ballots */
  seed?: Record<string, Seed>;
  /** rules for more action types (e.g. `ideaRules`); the idea store also adds them when it is used */
  rules?: BoxRules[];
}

/** Where the boxes are kept, by widget key. `write` throws a KoloError when it cannot keep one. */
export interface BoxKeeper {
  /** the box of a widget key, read with these rules (what they keep is revived too) */
  read(key: string, rules: readonly BoxRules[]): BallotBox;
  write(key: string, box: BallotBox): void;
  /** Start watching for changes made elsewhere (other tabs); returns the stop function. */
  watch?(changed: (key: string | null) => void): () => void;
}

type Listener = { widget: WidgetRef; voter: string; fn: (v: View) => void };

export function boxAdapter(keeper: BoxKeeper, options: BoxAdapterOptions): Omit<KoloAdapter, 'track'> & RuleAdapter {
  const rules = [...(options.rules ?? [])];
  const listeners = new Set<Listener>();
  let unwatch: (() => void) | undefined;
  const view = (w: WidgetRef, voter: string, box = keeper.read(widgetKey(w), rules)) => viewOf(box, voter, options.seed?.[widgetKey(w)], rules);
  /** Tell the listeners of `key` (every listener for `null`) what they see now. */
  const changed = (key: string | null) => {
    for (const l of listeners) if (key === null || widgetKey(l.widget) === key) l.fn(view(l.widget, l.voter));
  };
  return {
    addRules(r) {
      if (!rules.includes(r)) rules.push(r);
    },
    async load(widget, voter) {
      return view(widget, voter);
    },
    async send(action) {
      const key = widgetKey(action.widget);
      const box = keeper.read(key, rules);
      if (applyAction(box, action, Date.now(), options.seed?.[key], rules)) {
        keeper.write(key, box);
        changed(key);
      }
      return view(action.widget, action.voter, box);
    },
    subscribe(widget, voter, fn) {
      const l = { widget, voter, fn };
      listeners.add(l);
      unwatch ??= keeper.watch?.(changed);
      return () => {
        listeners.delete(l);
        if (!listeners.size) {
          unwatch?.();
          unwatch = undefined;
        }
      };
    },
  };
}
