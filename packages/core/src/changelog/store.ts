import type { ReadableAtom } from 'nanostores';
import { toKoloError, type KoloError } from '../contract/errors.ts';
import type { KoloAdapter } from '../contract/adapter.ts';
import type { ChangelogEntry, View } from '../contract/views.ts';
import { parseWidgetKey, type WidgetRef } from '../contract/widgets.ts';
import { createLoader, emptyView } from '../voting/store.ts';
import type { RuleAdapter } from '../adapters/box.ts';
import { ideaRules } from '../ideas/rules.ts';
import { entriesOf, mergeLive, newestFirst, pageOf } from './entries.ts';
import { changelogWidget, type ChangelogConfig } from './schema.ts';

export interface ChangelogView {
  status: 'loading' | 'ready' | 'error';
  /** `entries` shown so far, newest first; `next`, the cursor of the page after them */
  tally: View;
  pending: false;
  /** a further page is loading */
  busy: boolean;
  error: KoloError | null;
}

export interface ChangelogStore {
  readonly widget: WidgetRef;
  readonly $view: ReadableAtom<ChangelogView>;
  /** Load the next page. Resolves true once it is shown. */
  more(): Promise<boolean>;
  reload(): Promise<void>;
}

/** Where a changelog's pages come from: its server, or the boards an adapter holds itself. */
interface Source {
  load(cursor?: string): Promise<View>;
  subscribe(fn: (first: View) => void): () => void;
}

/** Entries of both, once each (`b`'s copy wins), newest first. */
const union = (a: ChangelogEntry[] = [], b: ChangelogEntry[] = []) =>
  [...a.filter((e) => !b.some((n) => n.board === e.board && n.id === e.id)), ...b].sort(newestFirst);

/**
 * A memory or local adapter holds the boards: the changelog is computed from them (the boards the
 * content names), and any change of one of them is a live update.
 */
function boardsSource(adapter: KoloAdapter & RuleAdapter, config: ChangelogConfig, voter: string, limit: number): Source {
  adapter.addRules(ideaRules);
  const boards = config.boards.map((key) => ({ key, ref: parseWidgetKey(key)! }));
  const all = async () => entriesOf(await Promise.all(boards.map(async (b) => ({ key: b.key, view: await adapter.load(b.ref, voter) }))));
  return {
    load: async (cursor) => pageOf(await all(), limit, cursor),
    subscribe(fn) {
      const stops = boards.map((b) => adapter.subscribe?.(b.ref, voter, () => void all().then((e) => fn(pageOf(e, limit)))));
      return () => stops.forEach((s) => s?.());
    },
  };
}

/** One voter's view of a changelog: loads its first page on mount, more on demand, follows live updates. */
export function createChangelogStore(adapter: KoloAdapter, config: ChangelogConfig, voter: string): ChangelogStore {
  const widget = changelogWidget(config);
  const limit = config.pageSize ?? 20;
  const source: Source =
    'addRules' in adapter
      ? boardsSource(adapter as KoloAdapter & RuleAdapter, config, voter, limit)
      : { load: (cursor) => adapter.load(widget, voter, { cursor, limit }), subscribe: (fn) => adapter.subscribe?.(widget, voter, fn) ?? (() => {}) };
  // the shared loader (voting/store.ts): a live update is the first page now, merged into the pages shown
  const { $view, patch, reload } = createLoader<ChangelogView>(
    { load: () => source.load(), send: () => Promise.reject(), subscribe: (_w, _v, fn) => source.subscribe((first) => fn(mergeLive($view.get().tally, first))) },
    widget,
    voter,
    { status: 'loading', tally: emptyView(), pending: false, busy: false, error: null },
  );

  async function more(): Promise<boolean> {
    const { tally, busy, status } = $view.get();
    if (!tally.next || busy || status !== 'ready') return false;
    patch({ busy: true });
    try {
      const page = await source.load(tally.next);
      const now = $view.get().tally;
      patch({ busy: false, error: null, tally: { ...now, entries: union(now.entries, page.entries), next: page.next } });
      return true;
    } catch (e) {
      patch({ busy: false, error: toKoloError(e) });
      return false;
    }
  }

  return { widget, $view, more, reload };
}
