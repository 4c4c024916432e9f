/**
 * The live path: a change is announced with `NOTIFY kolo '<widget key>'` (`poll:format`, so every
 * server on the database hears it), the listener wakes the streams subscribed to that widget, and each
 * stream sends the widget's view as its voter sees it (`event: view`), with a `: ping` comment as heartbeat.
 */
import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import { parseWidgetKey, widgetKey, type WidgetKind, type WidgetRef } from '@kolo/core';
import type { Db } from './db/types.ts';
import { checked, view } from './view.ts';
import { fail } from './http/errors.ts';

const CHANNEL = 'kolo';

/**
 * Tell every server on the database (this one included) that a widget changed: `<kind>:<id>`, or for
 * a board with the ideas that changed, a JSON array `["<kind>:<id>", "<idea>", …]` (an idea id may hold
 * any character).
 */
export const changed = (db: Db, kind: string, id: string, ideas: string[] = []) => {
  const key = widgetKey({ kind: kind as WidgetKind, id });
  return db.notify(CHANNEL, ideas.length ? JSON.stringify([key, ...ideas]) : key);
};

/** A change notice's widget key and the ideas it names. */
export function notice(payload: string): { key: string; ideas: string[] } {
  if (!payload.startsWith('[')) return { key: payload, ideas: [] };
  const [key = '', ...ideas] = JSON.parse(payload) as string[];
  return { key, ideas };
}

export interface LiveOptions {
  /** SSE heartbeat, ms */
  heartbeat?: number | undefined;
  /** live streams open at once from one client address on this server (0: no cap) */
  streamsPerIp?: number | undefined;
  /** a failure while a stream is open (the server's sampled error log) */
  onError?: ((e: unknown) => void) | undefined;
}

interface Hub {
  db: Db;
  heartbeat: number;
  subscribe(key: string, fn: () => void): () => void;
  /** the open streams' stop functions, so a shutdown can end them */
  streams: Set<() => void>;
}

export type Live = Awaited<ReturnType<typeof openLive>>;

/** Listen for changes on the database and serve live streams of tallies. */
export async function openLive(db: Db, o: LiveOptions = {}) {
  const listeners = new Map<string, Set<() => void>>();
  const unlisten = await db.listen(CHANNEL, (payload) => listeners.get(notice(payload).key)?.forEach((fn) => fn()));
  const hub: Hub = {
    db,
    heartbeat: o.heartbeat ?? 25_000,
    streams: new Set(),
    subscribe(key, fn) {
      const set = listeners.get(key) ?? listeners.set(key, new Set()).get(key)!;
      set.add(fn);
      return () => set.delete(fn);
    },
  };
  const admit = admission(o.streamsPerIp ?? 0);
  return {
    /**
     * Live views of one or more widgets for one voter: `view` events with `{ widget, view }`; a 429
     * when `address` (its hash) has too many streams open here already.
     */
    stream(c: Context, widgets: WidgetRef[], voter: string, address: string) {
      const release = admit(address);
      if (!release) {
        c.header('Retry-After', String(STREAM_RETRY));
        return fail(c, 'rate', `at most ${o.streamsPerIp} live streams at once from one address`, { retryAfter: STREAM_RETRY });
      }
      // a failure while streaming goes to the sampled error log, never with the query's values
      return streamSSE(c, (sse) => follow(hub, sse, widgets, voter).finally(release), async (e) => o.onError?.(e));
    },
    /** end every open stream and forget the subscriptions (a shutdown) */
    end() {
      for (const end of [...hub.streams]) end();
      for (const set of listeners.values()) set.clear();
    },
    /** stop listening to the database */
    close: () => unlisten(),
  };
}

/** Seconds a client over the stream cap is asked to wait. */
const STREAM_RETRY = 30;

/** Count open streams per address (in this server's memory): a release function, or undefined over the cap. */
function admission(cap: number) {
  const open = new Map<string, number>();
  return (address: string) => {
    const n = open.get(address) ?? 0;
    if (cap > 0 && n >= cap) return undefined;
    open.set(address, n + 1);
    return () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    };
  };
}

/** Send each widget's view now and again after every change, until the client leaves or the server stops. */
async function follow(hub: Hub, sse: SSEStreamingApi, widgets: WidgetRef[], voter: string) {
  let closed = false;
  const dirty = new Set(widgets.map(widgetKey));
  let wake = () => {};
  const stops = [...dirty].map((key) =>
    hub.subscribe(key, () => {
      dirty.add(key);
      wake();
    }),
  );
  const end = () => {
    closed = true;
    wake();
  };
  sse.onAbort(end);
  hub.streams.add(end);
  const beat = setInterval(() => void sse.write(': ping\n\n').catch(() => {}), hub.heartbeat);
  try {
    while (!closed) {
      for (const key of [...dirty]) {
        dirty.delete(key);
        const widget = parseWidgetKey(key)!;
        const v = checked(await view(hub.db, widget.kind, widget.id, voter));
        await sse.writeSSE({ event: 'view', data: JSON.stringify({ widget, view: v }) });
      }
      if (!dirty.size && !closed) await new Promise<void>((r) => (wake = r));
    }
  } finally {
    clearInterval(beat);
    stops.forEach((stop) => stop());
    hub.streams.delete(end);
  }
}
