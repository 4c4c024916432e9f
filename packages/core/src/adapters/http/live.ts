/**
 * Live updates over Server-Sent Events: one stream per voter for up to 50 subscribed widgets (a
 * server's limit per stream; browsers open only ~6 connections per server over HTTP/1.1), more
 * streams for more widgets; re-opened, briefly debounced, when the set changes; reconnecting with
 * back-off and jitter when it drops, after `Retry-After` when the server is at its limit, and not at
 * all when the server refuses the stream (the same request would be refused again). Its updates are
 * public partial views, the same for everyone, which the adapter merges into the voter's last view.
 */
import { STREAM_WIDGETS_MAX } from '../../contract/limits.ts';
import { widgetKey, type WidgetRef } from '../../contract/widgets.ts';
import type { View } from '../../contract/views.ts';
import { limitWait } from './delivery.ts';
import { voterHeaders, type Transport } from './transport.ts';

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

export interface Live {
  /** follow these widgets for this voter (the stream is re-opened with the new set) */
  follow(voter: string, widgets: () => WidgetRef[]): void;
  close(): void;
}

/**
 * @param onView a widget's new view for a voter
 * @param onOpen a stream is (re)connected: a moment to deliver the outbox; `dropped`, the widgets of a
 * stream re-opened after a drop (empty on its first opening), whose changes meanwhile it may have missed
 */
export function live(t: Transport, onView: (widget: WidgetRef, voter: string, view: View) => void, onOpen: (voter: string, dropped: string[]) => void): Live {
  const streams = new Map<string, { aborts: AbortController[]; timer?: ReturnType<typeof setTimeout> }>();

  function connect(voter: string, keys: string[]) {
    const s = streams.get(voter);
    if (!s) return; // closed meanwhile
    for (const a of s.aborts) a.abort();
    s.aborts = [];
    if (!keys.length) return void streams.delete(voter);
    for (let i = 0; i < keys.length; i += STREAM_WIDGETS_MAX) s.aborts.push(stream(voter, keys.slice(i, i + STREAM_WIDGETS_MAX)));
  }

  /** One stream for these widgets, kept open until aborted or refused. */
  function stream(voter: string, keys: string[]): AbortController {
    const abort = new AbortController();
    // the voter id goes in a header, never the address (where proxy and access logs would keep it)
    const url = `${t.base}/v1/events?widgets=${keys.map(encodeURIComponent).join(',')}`;
    let wait = 1000;
    let opened: string[] = [];
    void (async () => {
      while (!abort.signal.aborted) {
        let pause = 0;
        try {
          const res = await t.fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream', ...voterHeaders(voter) } });
          // at the server's limit: try again when it says; refused: never (it would be refused again)
          if (res.status === 429) pause = limitWait(Number(res.headers.get('retry-after')) || undefined);
          else if (res.status >= 400 && res.status < 500 && res.status !== 408) return;
          else if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
          else {
            wait = 1000;
            onOpen(voter, opened);
            opened = keys;
            await readEvents(res.body, (event, data) => {
              if (event !== 'view') return;
              const { widget, view } = JSON.parse(data) as { widget: WidgetRef; view: View };
              onView(widget, voter, view);
            });
          }
        } catch {
          /* dropped: reconnect below */
        }
        if (abort.signal.aborted) break;
        // back off with jitter, so a restarted server is not hit by every page at once
        await new Promise((r) => setTimeout(r, pause || wait * (0.75 + Math.random() / 2)));
        if (!pause) wait = Math.min(wait * 2, 30_000);
      }
    })();
    return abort;
  }

  return {
    follow(voter, widgets) {
      const s = streams.get(voter) ?? streams.set(voter, { aborts: [] }).get(voter)!;
      clearTimeout(s.timer);
      s.timer = setTimeout(() => connect(voter, [...new Set(widgets().map(widgetKey))]), 20);
    },
    close() {
      for (const s of streams.values()) {
        clearTimeout(s.timer);
        for (const a of s.aborts) a.abort();
      }
      streams.clear();
    },
  };
}
