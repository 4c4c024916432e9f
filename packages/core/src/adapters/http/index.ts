/**
 * The adapter for Kolo's server (or anything speaking its protocol, see packages/server/README.md):
 * load and send over HTTP (`transport`), live updates over Server-Sent Events (`live`), signals in
 * batches (`signals`), and an offline outbox (`outbox`, delivered by `delivery`): votes and upvotes
 * made while the network or the server is down, or a limit holds, are kept in storage, shown as
 * queued, and delivered when it comes back.
 */
import { HTTP_STORAGE } from '../../contract/http-storage.ts';
import { isBoardKind, widgetKey, type WidgetRef } from '../../contract/widgets.ts';
import type { KoloAction } from '../../contract/actions.ts';
import type { BoardPageQuery, KoloAdapter } from '../../contract/adapter.ts';
import type { KoloError } from '../../contract/errors.ts';
import type { View } from '../../contract/views.ts';
import type { FollowAnswer } from '../../contract/follows.ts';
import { appendPage, mergeView } from '../../contract/merge.ts';
import type { Bundle } from '../../i18n/bundle.ts';
import { safeStorage } from '../../device/storage.ts';
import { emptyView } from '../../voting/store.ts';
import { transport, voterHeaders, type Fetch, type IdentitySource } from './transport.ts';
import { kept, outbox } from './outbox.ts';
import { delivery, sending } from './delivery.ts';
import { live } from './live.ts';
import { signalBatches } from './signals.ts';
import { offlineMessages } from './messages.ts';
import { queryKey, widgetPath } from './pages.ts';

export { readEvents } from './live.ts';
export { appendPage, mergeView } from '../../contract/merge.ts';
export { errorFromAnswer, type IdentitySource } from './transport.ts';
export { IDENTITY_HEADER, VOTER_HEADER } from '../../contract/headers.ts';

export interface HttpAdapterOptions {
  /** the server's base URL, e.g. `https://kolo.example.org` */
  endpoint: string;
  /** where the outbox and the last views are kept (default localStorage) */
  storage?: Storage;
  fetch?: Fetch;
  /** how often signals are sent, ms (default 5000) */
  signalEvery?: number;
  /**
   * Send no signals for people whose browser asks not to be tracked (`navigator.doNotTrack` or
   * Global Privacy Control). Also on with `<meta name="kolo-signals" content="respect-privacy">`.
   */
  respectPrivacy?: boolean;
  /**
   * A signed identity from the host site: a short-lived JWT its backend signs for the signed-in user
   * (see the server's README), or a function giving the current one (undefined when nobody is signed
   * in; called for each request, so a renewed token is picked up). Sent in `Kolo-Identity` with every
   * action and widget read; a server configured for identities then counts the person, not the browser.
   */
  identity?: IdentitySource;
}

export interface HttpAdapter extends KoloAdapter {
  /** actions waiting to be delivered, oldest first */
  queued(): KoloAction[];
  /** try to deliver the queued actions now (also before a limit's `Retry-After` has passed) */
  flush(): Promise<void>;
  /** stop timers and live streams */
  close(): void;
}

type Listener = { widget: WidgetRef; voter: string; fn: (v: View, error?: KoloError) => void };

/** A query from its first page. */
const firstPage = ({ cursor: _, ...q }: BoardPageQuery): BoardPageQuery => q;

export function httpAdapter(options: HttpAdapterOptions): HttpAdapter {
  const t = transport(options.endpoint, options.fetch ?? globalThis.fetch.bind(globalThis), options.identity);
  const store = kept(options.storage ?? safeStorage());
  const box = outbox(store);
  const listeners = new Set<Listener>();
  const lastView = (w: WidgetRef, voter: string) => store.read<View | null>(HTTP_STORAGE.view(widgetKey(w), voter), null);
  const keep = (w: WidgetRef, voter: string, v: View) => store.write(HTTP_STORAGE.view(widgetKey(w), voter), v);
  /** per widget and voter: how many loads were asked for, and the query of the last view kept */
  const loads = new Map<string, { asked: number; query?: string; q?: BoardPageQuery }>();
  // a partial view (a live update, a board's answer to an upvote or idea) completes the last one kept;
  // a public update of a searched or filtered board changes the ideas shown, it adds none
  const whole = (w: WidgetRef, voter: string, v: View) => {
    if (!v.partial) return v;
    const last = lastView(w, voter) ?? emptyView();
    const q = loads.get(widgetKey(w) + voter)?.query;
    const only = v.partial === 'public' && q && q !== queryKey() ? { ...v, ideas: v.ideas?.filter((i) => last.ideas?.some((x) => x.id === i.id)) } : v;
    return mergeView(isBoardKind(w.kind), last, only);
  };
  const post = async (a: KoloAction) => whole(a.widget, a.voter, await t.post(a));

  /** Keep the server's view and tell this voter's widgets (with their queued actions on top, and why one was dropped). */
  function remember(w: WidgetRef, voter: string, v: View, error?: KoloError) {
    keep(w, voter, v);
    for (const l of listeners) if (widgetKey(l.widget) === widgetKey(w) && l.voter === voter) l.fn(box.projected(w, voter, v), error);
  }
  // a kept action refused or given up shows the server's last word again, with the reason
  const deliver = delivery(box, post, (a, v, error) => {
    const seen = v ?? lastView(a.widget, a.voter) ?? (error && emptyView());
    if (seen) remember(a.widget, a.voter, seen, error);
  });
  // a reconnected stream, the device back online, a reload: deliver, unless a limit says to wait
  const flush = () => deliver.flush();
  // a stream re-opened after a drop may have missed changes: a board (its updates carry only what
  // changed) is loaded again; a poll's stream starts with the widget's public view
  // (a board's update before its first load is left out: the load answers it)
  const streams = live(t, (w, voter, v) => (v.partial && isBoardKind(w.kind) && !lastView(w, voter) ? undefined : remember(w, voter, whole(w, voter, v))), (voter, dropped) => {
    void flush();
    // with the query it shows, from its first page
    for (const l of listeners) if (l.voter === voter && isBoardKind(l.widget.kind) && dropped.includes(widgetKey(l.widget))) adapter.load(l.widget, voter, loads.get(widgetKey(l.widget) + voter)?.q).then(l.fn, () => {});
  });
  const signals = signalBatches(t, { every: options.signalEvery, respectPrivacy: options.respectPrivacy });
  const leavePage = pageEvents(() => void flush(), () => signals.send(true));
  if (box.queue().length) setTimeout(() => void flush(), 0);

  const follow = (voter: string) => streams.follow(voter, () => [...listeners].filter((l) => l.voter === voter).map((l) => l.widget));
  // an answer is kept and shown to the voter's other widgets of it too (a board shows the idea its form just sent)
  const send = sending(box, deliver, post, remember, (a) => box.projected(a.widget, a.voter, lastView(a.widget, a.voter) ?? emptyView()));

  const adapter: HttpAdapter = {
    messages: [offlineMessages as Bundle],
    queued: box.queue,
    flush: () => deliver.flush(true),
    async load(widget, voter, query) {
      const at = loads.get(widgetKey(widget) + voter) ?? { asked: 0 };
      loads.set(widgetKey(widget) + voter, at);
      const asked = ++at.asked;
      const key = queryKey(query);
      try {
        let v = await t.request(widgetPath(widget, query), { headers: voterHeaders(voter) });
        // a further page of the query already shown: added to the pages before it
        const last = query?.cursor && at.query === key && lastView(widget, voter);
        // (a changelog's entries too: `appendPage` stays without them, the idea widgets load it)
        if (last) v = { ...appendPage(last, v), entries: v.entries && [...(last.entries ?? []), ...v.entries] };
        // the voter's last view is what the latest load answered, not a slower answer to an older one
        if (asked === at.asked) {
          at.query = key;
          at.q = query && firstPage(query);
          keep(widget, voter, v);
        }
        return box.projected(widget, voter, v);
      } catch (e) {
        // offline with something queued: show the last known view with the queued actions
        const cached = lastView(widget, voter);
        if ((e as KoloError).code === 'network' && cached) return box.projected(widget, voter, cached);
        throw e;
      }
    },
    similar: (widget, voter, title) => t.request(`${widgetPath(widget)}/similar?title=${encodeURIComponent(title)}`, { headers: voterHeaders(voter) }),
    send,
    follow: (voter, f) =>
      t.request('/v1/follows', { method: 'POST', headers: { ...voterHeaders(voter), 'content-type': 'application/json' }, body: JSON.stringify(f) }) as Promise<unknown> as Promise<FollowAnswer>,
    subscribe(widget, voter, fn) {
      const l = { widget, voter, fn };
      listeners.add(l);
      follow(voter);
      return () => {
        listeners.delete(l);
        follow(voter);
      };
    },
    track: signals.track,
    close() {
      streams.close();
      signals.close();
      deliver.stop();
      leavePage();
    },
  };
  return adapter;
}

/** The page's events: back online (deliver the outbox), hidden (send signals with a beacon). Returns the stop function. */
function pageEvents(online: () => void, hide: () => void): () => void {
  if (typeof addEventListener !== 'function') return () => {};
  const hidden = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'hidden') hide();
  };
  addEventListener('online', online);
  addEventListener('pagehide', hidden);
  addEventListener('visibilitychange', hidden);
  return () => {
    removeEventListener('online', online);
    removeEventListener('pagehide', hidden);
    removeEventListener('visibilitychange', hidden);
  };
}
