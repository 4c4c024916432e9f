import { STORAGE, parseWidgetKey, refuse, widgetKey, type KoloAdapter, type View, type WidgetRef } from '../contract/index.ts';
import { applyAction, reviveBox, viewOf, type BallotBox, type BoxRules, type RuleAdapter, type Seed } from './box.ts';
import { safeStorage } from '../device/storage.ts';

export interface LocalAdapterOptions {
  /** where to keep ballots; defaults to `localStorage` (or memory where it is unavailable) */
  storage?: Storage;
  /** key prefix in storage */
  prefix?: string;
  /** starting counts per widget key (`poll:format`), added to the stored ballots */
  seed?: Record<string, Seed>;
  /** rules for more action types (e.g. `ideaRules`); the idea store also adds them when it is used */
  rules?: BoxRules[];
}

type Listener = { voter: string; fn: (v: View) => void };

/**
 * Keeps ballots in localStorage: the embedded default, so a page works with no server.
 * Tabs of the same origin share the state and see each other's votes live (storage events).
 */
export function localAdapter(options: LocalAdapterOptions = {}): KoloAdapter & RuleAdapter {
  const storage = options.storage ?? safeStorage();
  const prefix = options.prefix ?? STORAGE.prefix;
  const rules = [...(options.rules ?? [])];
  const listeners = new Map<string, Set<Listener>>();
  let unlisten: (() => void) | undefined;

  const read = (key: string): BallotBox => {
    let raw: string | null = null;
    try {
      raw = storage.getItem(prefix + key);
      return reviveBox(raw ? JSON.parse(raw) : null, rules);
    } catch {
      // Unreadable data is kept aside rather than silently overwritten by the next vote.
      if (raw !== null) {
        try {
          storage.setItem(`${prefix}corrupt:${key}`, raw);
        } catch {
          /* nothing more to save it to */
        }
      }
      return reviveBox(null, rules);
    }
  };
  const view = (w: WidgetRef, voter: string, box = read(widgetKey(w))) => viewOf(box, voter, options.seed?.[widgetKey(w)], rules);
  const notify = (key: string, widget: WidgetRef) => {
    const box = read(key);
    for (const l of listeners.get(key) ?? []) l.fn(view(widget, l.voter, box));
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
      const box = read(key);
      if (applyAction(box, action, Date.now(), options.seed?.[key], rules)) {
        try {
          storage.setItem(prefix + key, JSON.stringify(box));
        } catch (e) {
          refuse('storage', `could not save: ${(e as Error).message}`);
        }
        notify(key, action.widget);
      }
      return view(action.widget, action.voter, box);
    },
    subscribe(widget, voter, fn) {
      const key = widgetKey(widget);
      const set = listeners.get(key) ?? listeners.set(key, new Set()).get(key)!;
      const l = { voter, fn };
      set.add(l);
      if (!unlisten && typeof addEventListener === 'function') {
        const onStorage = (e: StorageEvent) => {
          if (e.key === null) for (const [k, ls] of listeners) ls.size && notifyKey(k);
          else if (e.key.startsWith(prefix)) notifyKey(e.key.slice(prefix.length));
        };
        addEventListener('storage', onStorage);
        unlisten = () => removeEventListener('storage', onStorage);
      }
      return () => {
        set.delete(l);
        if (![...listeners.values()].some((s) => s.size)) {
          unlisten?.();
          unlisten = undefined;
        }
      };
    },
  };

  function notifyKey(key: string) {
    const widget = parseWidgetKey(key);
    if (widget) notify(key, widget);
  }
}
