import { STORAGE } from '../contract/storage.ts';
import { refuse } from '../contract/errors.ts';
import type { KoloAdapter } from '../contract/adapter.ts';
import { safeStorage } from '../device/storage.ts';
import { reviveBox, type BallotBox, type RuleAdapter } from './box.ts';
import { boxAdapter, type BoxAdapterOptions } from './box-adapter.ts';

export interface LocalAdapterOptions extends BoxAdapterOptions {
  /** where to keep ballots; defaults to `localStorage` (or memory where it is unavailable) */
  storage?: Storage;
  /** key prefix in storage */
  prefix?: string;
}

/**
 * Keeps ballots in localStorage: the embedded default, so a page works with no server.
 * Tabs of the same origin share the state and see each other's votes live (storage events). A signed
 * identity needs a server to verify it (`httpAdapter`'s `identity`): this browser is one voter.
 */
export function localAdapter(options: LocalAdapterOptions = {}): KoloAdapter & RuleAdapter {
  const storage = options.storage ?? safeStorage();
  const prefix = options.prefix ?? STORAGE.prefix;
  return boxAdapter(
    {
      read(key, rules): BallotBox {
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
      },
      write(key, box) {
        try {
          storage.setItem(prefix + key, JSON.stringify(box));
        } catch (e) {
          refuse('storage', `could not save: ${(e as Error).message}`);
        }
      },
      watch(changed) {
        if (typeof addEventListener !== 'function') return () => {};
        // another tab wrote (or cleared everything: `key` null)
        const onStorage = (e: StorageEvent) => {
          if (e.key === null) changed(null);
          else if (e.key.startsWith(prefix)) changed(e.key.slice(prefix.length));
        };
        addEventListener('storage', onStorage);
        return () => removeEventListener('storage', onStorage);
      },
    },
    options,
  );
}
