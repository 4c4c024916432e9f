/**
 * The adapter for Kolo's server (or anything speaking its protocol, see packages/server/README.md):
 * load and send over HTTP, live updates over Server-Sent Events (reconnecting with back-off), signals
 * in batches (and `sendBeacon` when the page is hidden), and an offline outbox: votes and upvotes made
 * while the network or the server is down are kept in storage, shown as queued, and delivered when it
 * comes back, exactly once thanks to their idempotency keys, also after a reload.
 */
import { KoloError, widgetKey, type KoloAction, type KoloAdapter, type Tally, type WidgetRef } from './adapter.ts';
import { withBallot } from '../stores/vote.ts';
import { safeStorage } from '../storage.ts';
import type { Signal } from '../signals/signals.ts';
import { registerMessages } from '../i18n/i18n.ts';
import { offlineMessages } from '../i18n/offline.ts';

export interface HttpAdapterOptions {
  /** the server's base URL, e.g. `https://kolo.example.org` */
  endpoint: string;
  /** where the outbox and the last tallies are kept (default localStorage) */
  storage?: Storage;
  fetch?: typeof fetch;
  /** how often signals are sent, ms (default 5000) */
  signalEvery?: number;
  /**
   * Send no signals for people whose browser asks not to be tracked (`navigator.doNotTrack` or
   * Global Privacy Control). Also on with `<meta name="kolo-signals" content="respect-privacy">`.
   */
  respectPrivacy?: boolean;
}

/** The person's browser asks not to be tracked. */
const privacyRequested = () =>
  typeof navigator !== 'undefined' && (navigator.doNotTrack === '1' || (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true);

export interface HttpAdapter extends KoloAdapter {
  /** actions waiting to be delivered, oldest first */
  queued(): KoloAction[];
  /** try to deliver the queued actions now */
  flush(): Promise<void>;
  /** stop timers and live streams */
  close(): void;
}

const OUTBOX = 'kolo:v1:outbox';
const empty = (): Tally => ({ counts: {}, voters: 0, mine: [] });
const QUEUEABLE = new Set(['vote', 'upvote']);
type Listener = { widget: WidgetRef; voter: string; fn: (t: Tally) => void };

/** Read a Server-Sent Events body to its end, calling `on` with each event's name and data. */
export async function readEvents(body: ReadableStream<Uint8Array>, on: (event: string, data: string) => boolean | void): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
      // `on` answering true stops reading
      if (data && on(event, data) === true) return void reader.cancel().catch(() => {});
    }
  }
}

export function httpAdapter(options: HttpAdapterOptions): HttpAdapter {
  // widgets say when a vote waits in the outbox (override `queued` with registerMessages after this)
  registerMessages('en', offlineMessages.en);
  registerMessages('uk', offlineMessages.uk);
  const base = options.endpoint.replace(/\/+$/, '');
  const storage = options.storage ?? safeStorage();
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  const listeners = new Set<Listener>();
  const respectPrivacy =
    options.respectPrivacy ?? (typeof document !== 'undefined' && document.querySelector('meta[name="kolo-signals"]')?.getAttribute('content') === 'respect-privacy');
  let signals: Signal[] = [];
  let retry: ReturnType<typeof setTimeout> | undefined;
  let backoff = 2000;
  let flushing: Promise<void> | undefined;

  const read = <T>(key: string, fallback: T): T => {
    try {
      return (JSON.parse(storage.getItem(key) ?? 'null') as T) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const write = (key: string, value: unknown) => {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch {
      /* full or blocked: kept in memory only for this page */
    }
  };
  const queue = (): KoloAction[] => read<KoloAction[]>(OUTBOX, []);
  const dequeue = (id: string) => write(OUTBOX, queue().filter((a) => a.id !== id));
  const cacheKey = (w: WidgetRef, voter: string) => `kolo:v1:http:${widgetKey(w)}:${voter}`;

  /** The last tally from the server with this voter's queued actions applied on top. */
  function projected(w: WidgetRef, voter: string, t: Tally): Tally {
    const mine = queue().filter((a) => a.voter === voter && widgetKey(a.widget) === widgetKey(w));
    let out = t;
    for (const a of mine) {
      if (a.type === 'vote') out = withBallot(out, a.choices);
      else if (a.type === 'upvote' && out.mine.includes(a.idea) !== a.on) {
        out = { ...out, counts: { ...out.counts, [a.idea]: Math.max(0, (out.counts[a.idea] ?? 0) + (a.on ? 1 : -1)) }, mine: a.on ? [...out.mine, a.idea] : out.mine.filter((x) => x !== a.idea) };
      }
    }
    return mine.length ? { ...t, ...out, queued: mine.length } : t;
  }

  async function request(path: string, init?: RequestInit): Promise<Tally> {
    let res: Response;
    try {
      res = await fetcher(base + path, init);
    } catch (e) {
      throw new KoloError('network', '', (e as Error).message);
    }
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; reason?: string; message?: string; retryAfter?: number } } | null;
    if (res.ok && body) return body as Tally;
    const err = body?.error;
    if (res.status >= 500 || !err) throw new KoloError('network', '', err?.message ?? `HTTP ${res.status}`);
    if (res.status === 429) throw new KoloError('rate-limited', err.reason ?? '', err.message, err.retryAfter ?? Number(res.headers.get('retry-after') ?? 0));
    throw new KoloError('rejected', err.reason ?? err.code ?? 'invalid', err.message);
  }

  const post = (a: KoloAction) => request('/v1/actions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) });

  function remember(w: WidgetRef, voter: string, t: Tally) {
    write(cacheKey(w, voter), t);
    for (const l of listeners) if (widgetKey(l.widget) === widgetKey(w) && l.voter === voter) l.fn(projected(w, voter, t));
  }

  /** Deliver queued actions in order; stop at the first network failure and try again later. */
  function flush(): Promise<void> {
    flushing ??= (async () => {
      try {
        for (const a of queue()) {
          try {
            const t = await post(a);
            dequeue(a.id);
            remember(a.widget, a.voter, t);
          } catch (e) {
            if ((e as KoloError).code === 'network') throw e;
            // refused now (closed, banned…): it will never pass; show the server's truth
            dequeue(a.id);
            const t = read<Tally | null>(cacheKey(a.widget, a.voter), null);
            if (t) remember(a.widget, a.voter, t);
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
    if (!queue().length) return;
    retry = setTimeout(() => void flush(), backoff);
    backoff = Math.min(backoff * 2, 60_000);
  }

  /**
   * One live stream per voter for every subscribed widget (browsers open only ~6 connections per server
   * over HTTP/1.1, and a page may have more widgets); re-opened, briefly debounced, when the set changes.
   */
  const streams = new Map<string, { abort?: AbortController; timer?: ReturnType<typeof setTimeout> }>();
  function restart(voter: string) {
    const s = streams.get(voter) ?? streams.set(voter, {}).get(voter)!;
    clearTimeout(s.timer);
    s.timer = setTimeout(() => connect(voter), 20);
  }
  function connect(voter: string) {
    const s = streams.get(voter);
    if (!s) return; // closed meanwhile
    s.abort?.abort();
    const keys = [...new Set([...listeners].filter((l) => l.voter === voter).map((l) => widgetKey(l.widget)))];
    if (!keys.length) return void streams.delete(voter);
    const abort = (s.abort = new AbortController());
    const url = `${base}/v1/events?voter=${encodeURIComponent(voter)}&widgets=${keys.map(encodeURIComponent).join(',')}`;
    let wait = 1000;
    void (async () => {
      while (!abort.signal.aborted) {
        try {
          const res = await fetcher(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
          if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
          wait = 1000;
          void flush();
          await readEvents(res.body, (event, data) => {
            if (event !== 'tally') return;
            const { widget, tally } = JSON.parse(data) as { widget: WidgetRef; tally: Tally };
            remember(widget, voter, tally);
          });
        } catch {
          /* dropped: reconnect below */
        }
        if (abort.signal.aborted) break;
        // back off with jitter, so a restarted server is not hit by every page at once
        await new Promise((r) => setTimeout(r, wait * (0.75 + Math.random() / 2)));
        wait = Math.min(wait * 2, 30_000);
      }
    })();
  }

  const online = () => void flush();
  const hidden = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'hidden') sendSignals(true);
  };
  if (typeof addEventListener === 'function') {
    addEventListener('online', online);
    addEventListener('pagehide', hidden);
    addEventListener('visibilitychange', hidden);
  }
  if (queue().length) setTimeout(() => void flush(), 0);

  function sendSignals(beacon = false) {
    if (!signals.length) return;
    const body = JSON.stringify({ signals: signals.slice(0, 100) });
    signals = signals.slice(100);
    // text/plain keeps the beacon a "simple" cross-origin request; the server reads JSON from any type
    if (beacon && typeof navigator !== 'undefined' && navigator.sendBeacon?.(`${base}/v1/signals`, new Blob([body], { type: 'text/plain' }))) return;
    void fetcher(`${base}/v1/signals`, { method: 'POST', body, headers: { 'content-type': 'text/plain' }, keepalive: true }).catch(() => {});
  }
  const ticker = setInterval(() => sendSignals(), options.signalEvery ?? 5000);
  (ticker as { unref?: () => void }).unref?.();

  return {
    queued: queue,
    flush,
    async load(widget, voter) {
      const path = `/v1/widgets/${encodeURIComponent(widget.kind)}/${encodeURIComponent(widget.id)}?voter=${encodeURIComponent(voter)}`;
      try {
        const t = await request(path);
        write(cacheKey(widget, voter), t);
        return projected(widget, voter, t);
      } catch (e) {
        // offline with something queued: show the last known tally with the queued actions
        const cached = read<Tally | null>(cacheKey(widget, voter), null);
        if ((e as KoloError).code === 'network' && cached) return projected(widget, voter, cached);
        throw e;
      }
    },
    async send(action) {
      const queueable = QUEUEABLE.has(action.type);
      if (queueable) {
        write(OUTBOX, [...queue().filter((a) => a.id !== action.id), action]);
        // an earlier queued action goes first, so the server sees them in the order they were made
        if (queue().length > 1) {
          await flush();
          if (!queue().some((a) => a.id === action.id)) return projected(action.widget, action.voter, read<Tally>(cacheKey(action.widget, action.voter), empty()));
        }
      }
      try {
        const t = await post(action);
        if (queueable) dequeue(action.id);
        write(cacheKey(action.widget, action.voter), t);
        return projected(action.widget, action.voter, t);
      } catch (e) {
        if (!queueable || (e as KoloError).code !== 'network') {
          if (queueable) dequeue(action.id);
          throw e;
        }
        schedule();
        return projected(action.widget, action.voter, read<Tally>(cacheKey(action.widget, action.voter), empty()));
      }
    },
    subscribe(widget, voter, fn) {
      const l = { widget, voter, fn };
      listeners.add(l);
      restart(voter);
      return () => {
        listeners.delete(l);
        restart(voter);
      };
    },
    track(signal) {
      if (respectPrivacy && privacyRequested()) return;
      signals.push(signal);
      if (signals.length >= 20) sendSignals();
    },
    close() {
      for (const s of streams.values()) {
        clearTimeout(s.timer);
        s.abort?.abort();
      }
      streams.clear();
      clearInterval(ticker);
      clearTimeout(retry);
      if (typeof removeEventListener === 'function') {
        removeEventListener('online', online);
        removeEventListener('pagehide', hidden);
        removeEventListener('visibilitychange', hidden);
      }
    },
  };
}
