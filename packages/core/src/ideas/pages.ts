import { toKoloError } from '../contract/errors.ts';
import type { BoardPageQuery } from '../contract/adapter.ts';
import type { View } from '../contract/views.ts';
import type { BoardQuery } from './board.ts';
import type { FollowAnswer } from '../contract/follows.ts';
import { FOLLOW_EMAIL_KEY } from '../contract/storage.ts';
import { safeStorage } from '../device/storage.ts';
import { TYPING_PAUSE, type StorePart } from './store.ts';

/** What a board's store adds when its adapter may page. */
export interface BoardPages {
  /**
   * Show the ideas of `q`. A paged board (`IdeaView.paged`) loads its first page (a search once
   * typing pauses; the latest query asked wins); otherwise there is nothing to load: a widget sorts,
   * filters and searches the ideas it has.
   */
  query(q: BoardQuery): void;
  /** Load the next page of the ideas shown. Resolves true once it is shown. */
  more(): Promise<boolean>;
  /**
   * Follow `idea` by email (only with an adapter that sends email: `KoloAdapter.follow`). The email is
   * remembered on this device, so it is given once: without `email`, the one remembered is used, and
   * it resolves undefined when there is none (ask for it). Rejects with the adapter's KoloError.
   */
  follow?(idea: string, lang: string, email?: string): Promise<FollowAnswer | undefined>;
}

/**
 * A board's pages, for `createIdeaStore`: every load asks for the current query, and an answer
 * is shown only if no later load was asked for before it came (a slow answer to an older query
 * never replaces a newer one).
 */
export const boardPages: StorePart<BoardPages> = (parts) => {
  const { adapter, widget, voter, config, loaded } = parts;
  // the query asked for, the one the ideas shown answer (a further page continues it), loads asked so far
  let q: BoardPageQuery = { limit: config.pageSize };
  let shown = q;
  let asked = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;
  const view = () => parts.$view.get();

  /** Load `query`; resolves whether its answer is shown. */
  async function show(query: BoardPageQuery): Promise<boolean> {
    const n = ++asked;
    parts.patch({ busy: true });
    try {
      const tally = await adapter.load(widget, voter, query);
      if (n !== asked) return false;
      loaded(tally);
      shown = query;
      parts.patch({ status: 'ready', tally, busy: false, error: null, paged: view().paged || !!tally.next });
      return true;
    } catch (e) {
      if (n !== asked) return false;
      parts.patch({ status: 'error', busy: false, error: toKoloError(e) });
      throw e;
    }
  }

  return {
    // what the store's loader loads through (it sends nothing): its loads (the first, a retry) show the
    // current query, and a stale one never settles, so it changes nothing
    adapter: {
      load: () => show(q).then((ok) => (ok ? view().tally : new Promise<View>(() => {}))),
      subscribe: adapter.subscribe?.bind(adapter),
    },
    query(next) {
      const search = next.search !== q.search;
      q = { ...next, limit: config.pageSize };
      if (!view().paged) return;
      clearTimeout(typing);
      const go = () => void show(q).catch(() => {});
      if (search) typing = setTimeout(go, TYPING_PAUSE);
      else go();
    },
    async more() {
      const { tally, busy } = view();
      return !!tally.next && !busy && show({ ...shown, cursor: tally.next }).catch(() => false);
    },
    follow:
      adapter.follow &&
      (async (idea, lang, email) => {
        const store = safeStorage();
        email ??= store.getItem(FOLLOW_EMAIL_KEY) ?? undefined;
        if (!email) return;
        const answer = await adapter.follow!(voter, { kind: widget.kind as 'ideas', board: widget.id, idea, email, lang });
        store.setItem(FOLLOW_EMAIL_KEY, email);
        return answer;
      }),
  };
};
