/**
 * The live path: change notices → one computation per widget → the same bytes to every stream.
 *
 * A change is announced with `changed()`: `NOTIFY kolo` on PostgreSQL, so every server on the database
 * hears it (at most one NOTIFY per widget every NOTIFY_GAP ms, the ideas named merged), or PGlite's
 * in-process emitter (db/pglite.ts). This server keeps one channel per widget its streams follow: a
 * notice marks it changed, with the ideas it names; at most once every TICK ms per widget (the first
 * change at once) the widget's public partial view is computed (./live-view.ts), serialised as one SSE
 * event, and those bytes are queued on every stream following it. A stream whose queue backs up past
 * BACKLOG bytes (a stalled or dead client) is dropped; nobody waits for it.
 *
 * Nothing a stream sends is about its voter: their own choices come with the widget's GET and their
 * actions' answers, and the HTTP adapter merges each update into the view it keeps. On (re)connect a
 * stream gets each followed non-board widget's last public view at once (kept per channel, computed
 * once when a channel opens), so a change between the GET and the stream, or while it was down, is not
 * missed; a board's client loads its first page again when a dropped stream re-opens.
 */
import type { Context } from 'hono';
import { isBoardKind, parseWidgetKey, widgetKey, type WidgetKind, type WidgetRef } from '@kolo/core';
import type { Db } from './db/types.ts';
import { checked } from './view.ts';
import { publicView } from './live-view.ts';
import { coalesce } from './live-coalesce.ts';
import { changelogUpdate, covering, unchanged } from './changelog/live.ts';
import { fail } from './http/errors.ts';

const CHANNEL = 'kolo';
/** the shortest time between two broadcasts of one widget, ms */
const TICK = 200;
/** the shortest time between two NOTIFYs of one widget from this server, ms */
const NOTIFY_GAP = 50;
/** bytes a stream may have waiting for its client before it is dropped */
const BACKLOG = 64 * 1024;
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more: longer lists of ideas go in several */
const PAYLOAD_MAX = 7000;

const senders = new WeakMap<Db, (key: string, ideas: readonly string[]) => Promise<void>>();

/**
 * Tell every server on the database (this one included) that a widget changed: `<kind>:<id>`, or for
 * a board with the ideas that changed, a JSON array `["<kind>:<id>", "<idea>", …]` (an idea id may hold
 * any character). Changes of one widget close together go in one notice. It never fails: a lost
 * notice costs a live update, not the action.
 */
export const changed = (db: Db, kind: string, id: string, ideas: string[] = []): Promise<void> => {
  let send = senders.get(db);
  if (!send) senders.set(db, (send = coalesce(NOTIFY_GAP, (key, named) => announce(db, key, named))));
  return send(widgetKey({ kind: kind as WidgetKind, id }), ideas);
};

async function announce(db: Db, key: string, ideas: string[]) {
  const payloads: string[] = ideas.length ? [] : [key];
  for (let i = 0; i < ideas.length; ) {
    const part = [key];
    while (i < ideas.length && Buffer.byteLength(JSON.stringify([...part, ideas[i]])) < PAYLOAD_MAX) part.push(ideas[i++]!);
    if (part.length === 1) part.push(ideas[i++]!);
    payloads.push(JSON.stringify(part));
  }
  await Promise.all(payloads.map((p) => db.notify(CHANNEL, p).catch(() => {})));
}

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
  /** a failure on the live path (the server's sampled error log) */
  onError?: ((e: unknown) => void) | undefined;
  /** the shortest time between two broadcasts of one widget, ms (default TICK) */
  tick?: number | undefined;
  /** bytes a stream may have waiting for its client before it is dropped (default BACKLOG) */
  backlog?: number | undefined;
  /** told of each public view computed (tests count them) */
  onCompute?: ((key: string) => void) | undefined;
}

/** One open stream: bytes queued for its client; `end` closes it. */
interface Stream {
  send(bytes: Uint8Array): void;
  end(): void;
}

interface Channel {
  widget: WidgetRef;
  streams: Set<Stream>;
  /** a non-board widget's last public view, as the event sent */
  frame?: Uint8Array;
  /** a changelog's boards (./changelog/live.ts) */
  boards?: string[];
}

export type Live = Awaited<ReturnType<typeof openLive>>;

const encoder = new TextEncoder();
const PING = encoder.encode(': ping\n\n');

/** Listen for changes and serve live streams of public views. */
export async function openLive(db: Db, o: LiveOptions = {}) {
  const channels = new Map<string, Channel>();
  // the changelogs among them: a board's notice looks only at these (not at every channel on every vote)
  const changelogs = new Map<string, Channel>();
  const streams = new Set<Stream>();

  /** Compute a widget's public view once and queue the same bytes on every stream following it. */
  async function broadcast(key: string, ideas: string[]) {
    const ch = channels.get(key);
    if (!ch) return;
    try {
      o.onCompute?.(key);
      const view = checked(ch.widget.kind === 'changelog' ? await changelogUpdate(db, ch) : await publicView(db, ch.widget.kind, ch.widget.id, ideas));
      const frame = encoder.encode(`event: view\ndata: ${JSON.stringify({ widget: ch.widget, view })}\n\n`);
      const now = channels.get(key);
      if (!now || unchanged(now, frame)) return;
      if (!isBoardKind(now.widget.kind)) now.frame = frame;
      for (const s of now.streams) s.send(frame);
    } catch (e) {
      o.onError?.(e);
      // tried again after the tick, while someone follows the widget
      if (channels.has(key)) void mark(key, ideas);
    }
  }
  const mark = coalesce(o.tick ?? TICK, broadcast);
  const unlisten = await db.listen(CHANNEL, (payload) => {
    const n = notice(payload);
    if (channels.has(n.key)) void mark(n.key, n.ideas);
    for (const key of covering(changelogs, n.key)) void mark(key, []);
  });
  const beat = setInterval(() => streams.forEach((s) => s.send(PING)), o.heartbeat ?? 25_000);
  beat.unref?.();

  /** Follow these widgets on `s`: a new non-board channel computes its view once, a known one sends the last. */
  function join(s: Stream, widgets: WidgetRef[]) {
    for (const w of widgets) {
      const key = widgetKey(w);
      let ch = channels.get(key);
      if (!ch) {
        channels.set(key, (ch = { widget: parseWidgetKey(key)!, streams: new Set() }));
        if (w.kind === 'changelog') changelogs.set(key, ch);
        if (!isBoardKind(w.kind)) void mark(key, []);
      }
      ch.streams.add(s);
      if (ch.frame) s.send(ch.frame);
    }
  }

  function leave(s: Stream, widgets: WidgetRef[]) {
    for (const w of widgets) {
      const key = widgetKey(w);
      const ch = channels.get(key);
      if (ch?.streams.delete(s) && !ch.streams.size) channels.delete(key), changelogs.delete(key);
    }
  }

  /**
   * A stream's body: bytes queued up to BACKLOG; past it, `drop` ends the connection (a stalled or
   * dead client). Ended by the client, a drop or a shutdown; returns the body and its end.
   */
  function open(widgets: WidgetRef[], release: () => void, drop: () => void): [ReadableStream<Uint8Array>, () => void] {
    let open = true;
    let ctrl!: ReadableStreamDefaultController<Uint8Array>;
    const s: Stream = {
      send(bytes) {
        if (!open) return;
        if ((ctrl.desiredSize ?? 0) >= 0) return ctrl.enqueue(bytes);
        s.end();
        drop();
      },
      end() {
        if (!open) return;
        open = false;
        streams.delete(s);
        leave(s, widgets);
        release();
        try {
          ctrl.close();
        } catch {
          /* already closed by the client */
        }
      },
    };
    const body = new ReadableStream<Uint8Array>(
      {
        start(c) {
          ctrl = c;
          streams.add(s);
          join(s, widgets);
        },
        cancel: () => s.end(),
      },
      { highWaterMark: o.backlog ?? BACKLOG, size: (b) => b.byteLength },
    );
    return [body, () => s.end()];
  }

  const admit = admission(o.streamsPerIp ?? 0);
  return {
    /**
     * Live public views of one or more widgets: `view` events with `{ widget, view }`, a partial
     * view to merge; a 429 when `address` (its hash) has too many streams open here already.
     */
    stream(c: Context, widgets: WidgetRef[], address: string) {
      const release = admit(address);
      if (!release) {
        c.header('Retry-After', String(STREAM_RETRY));
        return fail(c, 'rate', `at most ${o.streamsPerIp} live streams at once from one address`, { retryAfter: STREAM_RETRY });
      }
      // a dropped stream's connection is destroyed: what is queued for it is thrown away
      const socket = (c.env as { outgoing?: { destroy(): void } } | undefined)?.outgoing;
      const [body, end] = open(widgets, release, () => socket?.destroy());
      c.req.raw.signal.addEventListener('abort', end);
      return c.body(body, 200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
    },
    /** how many streams are open on this server (the metrics' gauge) */
    get open() {
      return streams.size;
    },
    /** end every open stream and forget the channels (a shutdown) */
    end() {
      for (const s of [...streams]) s.end();
      channels.clear();
      changelogs.clear();
    },
    /** stop listening to the database */
    close: () => {
      clearInterval(beat);
      return unlisten();
    },
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
