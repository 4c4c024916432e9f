/**
 * The offline outbox: votes and upvotes made while the network or the server is down are kept in
 * storage, shown on top of the last known view, and delivered in order when it comes back, exactly
 * once thanks to their idempotency keys (also after a reload).
 */
import { HTTP_STORAGE } from '../../contract/http-storage.ts';
import { widgetKey, type WidgetRef } from '../../contract/widgets.ts';
import type { KoloAction } from '../../contract/actions.ts';
import type { View } from '../../contract/views.ts';
import { withBallot } from '../../voting/store.ts';

/** Actions that may wait in the outbox; others (an idea, an answer) need the server's word at once. */
export const QUEUEABLE: ReadonlySet<string> = new Set(['vote', 'upvote']);

export interface Kept {
  read<T>(key: string, fallback: T): T;
  write(key: string, value: unknown): void;
}

/** JSON in a Storage that never throws (full or blocked storage keeps things for this page only). */
export function kept(storage: Storage): Kept {
  return {
    read<T>(key: string, fallback: T): T {
      try {
        return (JSON.parse(storage.getItem(key) ?? 'null') as T) ?? fallback;
      } catch {
        return fallback;
      }
    },
    write(key, value) {
      try {
        storage.setItem(key, JSON.stringify(value));
      } catch {
        /* full or blocked: kept in memory only for this page */
      }
    },
  };
}

export function outbox(store: Kept) {
  const queue = (): KoloAction[] => store.read<KoloAction[]>(HTTP_STORAGE.outbox, []);
  const tries = (): Record<string, number> => store.read<Record<string, number>>(HTTP_STORAGE.tries, {});
  return {
    queue,
    add: (a: KoloAction) => store.write(HTTP_STORAGE.outbox, [...queue().filter((x) => x.id !== a.id), a]),
    remove(id: string) {
      store.write(HTTP_STORAGE.outbox, queue().filter((a) => a.id !== id));
      const { [id]: _gone, ...rest } = tries();
      store.write(HTTP_STORAGE.tries, rest);
    },
    has: (id: string) => queue().some((a) => a.id === id),
    /** How many times the action failed to reach the server (kept across reloads); `failed` counts one more. */
    tries: (id: string): number => Number(tries()[id]) || 0,
    failed(id: string): number {
      const all = tries();
      all[id] = (Number(all[id]) || 0) + 1;
      store.write(HTTP_STORAGE.tries, all);
      return all[id];
    },
    /** The last view from the server with this voter's queued actions applied on top. */
    projected(w: WidgetRef, voter: string, v: View): View {
      const mine = queue().filter((a) => a.voter === voter && widgetKey(a.widget) === widgetKey(w));
      let out = v;
      for (const a of mine) {
        // a queued upvote changes this voter's upvotes as a vote changes a ballot (as `withUpvote` does;
        // the idea store's module is not imported here, so it stays out of every page's first bytes)
        if (a.type === 'vote') out = withBallot(out, a.choices);
        else if (a.type === 'upvote' && out.mine.includes(a.idea) !== a.on) out = withBallot(out, a.on ? [...out.mine, a.idea] : out.mine.filter((x) => x !== a.idea));
      }
      return mine.length ? { ...v, ...out, queued: mine.length } : v;
    },
  };
}
export type Outbox = ReturnType<typeof outbox>;
