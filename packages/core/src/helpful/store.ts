import { atom, onMount, type ReadableAtom } from 'nanostores';
import type { KoloAdapter } from '../contract/adapter.ts';
import type { KoloError } from '../contract/errors.ts';
import type { View } from '../contract/views.ts';
import type { WidgetRef } from '../contract/widgets.ts';
import { helpfulPolicy, helpfulWidget, type FaqConfig } from './schema.ts';
import { createVoteStore, emptyView, type VoteStore } from '../voting/store.ts';

export interface HelpfulView {
  status: 'loading' | 'ready' | 'error';
  /** `counts` per `card:yes` / `card:no`; `mine` holds this voter's answers as `card:yes` or `card:no` */
  tally: View;
  /** the card whose answer is on its way */
  pending: string | null;
  error: KoloError | null;
}

export interface HelpfulStore {
  readonly widget: WidgetRef;
  readonly $view: ReadableAtom<HelpfulView>;
  /** Answer "was this helpful?" for a card; resolves true when accepted. */
  answer(card: string, helpful: boolean): Promise<boolean>;
  reload(): Promise<void>;
}

/**
 * "Was this helpful?" for every card of a carousel: each card is a tiny poll of its own (`faq`,
 * `<carousel>.<card>`), so the adapter enforces one answer per person per card with the ballot rules
 * it already has; this store shows them as one view.
 */
export function createHelpfulStore(adapter: KoloAdapter, config: FaqConfig, voter: string): HelpfulStore {
  const cards = new Map<string, VoteStore>(
    config.cards.map((c) => [c.id, createVoteStore({ adapter, voter, widget: helpfulWidget(config.id, c.id), policy: helpfulPolicy, signature: c.signature })]),
  );

  const merge = (): HelpfulView => {
    const tally = emptyView();
    let status: HelpfulView['status'] = 'ready';
    let pending: string | null = null;
    let error: KoloError | null = null;
    for (const [card, store] of cards) {
      const v = store.$view.get();
      if (v.status === 'error' || (v.status === 'loading' && status === 'ready')) status = v.status;
      if (v.pending) pending = card;
      error ??= v.error;
      for (const [choice, n] of Object.entries(v.tally.counts)) tally.counts[`${card}:${choice}`] = n;
      tally.mine.push(...v.tally.mine.map((c) => `${card}:${c}`));
      tally.voters = Math.max(tally.voters, v.tally.voters);
    }
    return { status, tally, pending, error };
  };

  const $view = atom<HelpfulView>(merge());
  onMount($view, () => {
    const stops = [...cards.values()].map((s) => s.$view.subscribe(() => $view.set(merge())));
    return () => stops.forEach((stop) => stop());
  });

  return {
    widget: { kind: 'faq', id: config.id },
    $view,
    answer: (card, helpful) => cards.get(card)?.vote([helpful ? 'yes' : 'no']) ?? Promise.resolve(false),
    reload: async () => {
      await Promise.all([...cards.values()].map((s) => s.reload()));
    },
  };
}
