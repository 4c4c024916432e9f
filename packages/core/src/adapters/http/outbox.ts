/**
 * The offline outbox: votes and upvotes made while the network or the server is down are kept in
 * storage, shown on top of the last known view, and delivered in order when it comes back, exactly
 * once thanks to their idempotency keys (also after a reload).
 */
import { HTTP_STORAGE } from '../../contract/http-storage.ts';
import type { KoloError } from '../../contract/errors.ts';
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
  return {
    queue,
    add: (a: KoloAction) => store.write(HTTP_STORAGE.outbox, [...queue().filter((x) => x.id !== a.id), a]),
    remove: (id: string) => store.write(HTTP_STORAGE.outbox, queue().filter((a) => a.id !== id)),
    has: (id: string) => queue().some((a) => a.id === id),
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

/**
 * Delivers the outbox in order: an accepted action leaves it with the server's view, a refused one
 * (closed, banned…: it will never pass) leaves it too; the first network failure stops the round,
 * and another is tried later, backing off from 2 s to a minute.
 */
export function delivery(box: Outbox, post: (a: KoloAction) => Promise<View>, answered: (a: KoloAction, view: View | null) => void) {
  let retry: ReturnType<typeof setTimeout> | undefined;
  let backoff = 2000;
  let flushing: Promise<void> | undefined;
  function flush(): Promise<void> {
    flushing ??= (async () => {
      try {
        for (const a of box.queue()) {
          try {
            const v = await post(a);
            box.remove(a.id);
            answered(a, v);
          } catch (e) {
            if ((e as KoloError).code === 'network') throw e;
            box.remove(a.id);
            answered(a, null);
          }
        }
        backoff = 2000;
      } catch {
        schedule();
      } finally {
        flushing = undefined;
      }
    })();
    return flushing;
  }
  function schedule() {
    clearTimeout(retry);
    if (!box.queue().length) return;
    retry = setTimeout(() => void flush(), backoff);
    backoff = Math.min(backoff * 2, 60_000);
  }
  return { flush, schedule, stop: () => clearTimeout(retry) };
}

/**
 * Send an action. Votes and upvotes go through the outbox: after the ones queued before them (the
 * server sees them in the order they were made), and kept there while the network is down, shown as
 * queued (`seen`: the last view with the queued actions on top). Other actions need the server's word.
 */
export function sending(box: Outbox, deliver: ReturnType<typeof delivery>, post: (a: KoloAction) => Promise<View>, keep: (w: WidgetRef, voter: string, v: View) => void, seen: (a: KoloAction) => View) {
  return async (action: KoloAction): Promise<View> => {
    const queueable = QUEUEABLE.has(action.type);
    if (queueable) {
      box.add(action);
      if (box.queue().length > 1) {
        await deliver.flush();
        if (!box.has(action.id)) return seen(action);
      }
    }
    try {
      const v = await post(action);
      if (queueable) box.remove(action.id);
      keep(action.widget, action.voter, v);
      return box.projected(action.widget, action.voter, v);
    } catch (e) {
      if (!queueable || (e as KoloError).code !== 'network') {
        if (queueable) box.remove(action.id);
        throw e;
      }
      deliver.schedule();
      return seen(action);
    }
  };
}
