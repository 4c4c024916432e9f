import { KoloError, widgetKey, type KoloAdapter, type Tally, type WidgetRef } from './adapter.ts';
import { applyAction, reviveBox, tallyOf, type BallotBox, type Seed } from './ballots.ts';
import { safeStorage } from '../storage.ts';

export interface LocalAdapterOptions {
  /** where to keep ballots; defaults to `localStorage` (or memory where it is unavailable) */
  storage?: Storage;
  /** key prefix in storage */
  prefix?: string;
  /** starting counts per widget key (`poll:format`), added to the stored ballots */
  seed?: Record<string, Seed>;
}

type Listener = { voter: string; fn: (t: Tally) => void };

/**
 * Keeps ballots in localStorage: the embedded default, so a page works with no server.
 * Tabs of the same origin share the state and see each other's votes live (storage events).
 */
export function localAdapter(options: LocalAdapterOptions = {}): KoloAdapter {
  const storage = options.storage ?? safeStorage();
  const prefix = options.prefix ?? 'kolo:v1:';
  const listeners = new Map<string, Set<Listener>>();
  let unlisten: (() => void) | undefined;

  const read = (key: string): BallotBox => {
    let raw: string | null = null;
    try {
      raw = storage.getItem(prefix + key);
      return reviveBox(raw ? JSON.parse(raw) : null);
    } catch {
      // Unreadable data is kept aside rather than silently overwritten by the next vote.
      if (raw !== null) {
        try {
          storage.setItem(`${prefix}corrupt:${key}`, raw);
        } catch {
          /* nothing more to save it to */
        }
      }
      return reviveBox(null);
    }
  };
  const tally = (w: WidgetRef, voter: string, box = read(widgetKey(w))) =>
    tallyOf(box, voter, options.seed?.[widgetKey(w)]);
  const notify = (key: string, widget: WidgetRef) => {
    const box = read(key);
    for (const l of listeners.get(key) ?? []) l.fn(tally(widget, l.voter, box));
  };

  return {
    async load(widget, voter) {
      return tally(widget, voter);
    },
    async send(action) {
      const key = widgetKey(action.widget);
      const box = read(key);
      if (applyAction(box, action, Date.now(), options.seed?.[key])) {
        try {
          storage.setItem(prefix + key, JSON.stringify(box));
        } catch (e) {
          throw new KoloError('rejected', 'storage', `could not save: ${(e as Error).message}`);
        }
        notify(key, action.widget);
      }
      return tally(action.widget, action.voter, box);
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
    const i = key.indexOf(':');
    if (i > 0) notify(key, { kind: key.slice(0, i), id: key.slice(i + 1) });
  }
}
