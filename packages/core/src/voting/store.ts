import { atom, onMount, type ReadableAtom } from 'nanostores';
import { countOf, idRecord } from '../contract/records.ts';
import { toKoloError, type KoloError } from '../contract/errors.ts';
import type { KoloAdapter } from '../contract/adapter.ts';
import type { View } from '../contract/views.ts';
import type { VotePolicy } from '../contract/actions.ts';
import type { WidgetRef } from '../contract/widgets.ts';
import { randomId } from '../device/voter.ts';

export interface VoteView {
  status: 'loading' | 'ready' | 'error';
  /** last known tally; optimistic while `pending` */
  tally: View;
  /** a vote is on its way to the adapter */
  pending: boolean;
  /** with status `error`: why loading failed; otherwise why the last vote failed */
  error: KoloError | null;
}

export interface VoteStore {
  readonly widget: WidgetRef;
  readonly $view: ReadableAtom<VoteView>;
  /** Cast, replace or (with []) withdraw the ballot. Resolves true when the adapter accepted it. */
  vote(choices: string[]): Promise<boolean>;
  /** Load again (after an error). */
  reload(): Promise<void>;
}

export interface VoteStoreOptions {
  adapter: KoloAdapter;
  widget: WidgetRef;
  voter: string;
  policy: VotePolicy;
  /** the site's signature of the widget's definition, sent with every vote */
  signature?: string | undefined;
}

export const emptyView = (): View => ({ counts: idRecord(), voters: 0, mine: [] });

/** The tally as it will be once `voter`'s ballot becomes `choices`. */
export function withBallot(t: View, choices: string[]): View {
  const counts = idRecord(t.counts);
  for (const c of t.mine) counts[c] = Math.max(0, countOf(counts, c) - 1);
  for (const c of choices) counts[c] = countOf(counts, c) + 1;
  const voters = t.voters + (choices.length ? 1 : 0) - (t.mine.length ? 1 : 0);
  return { counts, voters: Math.max(0, voters), mine: [...choices] };
}

/**
 * The loader every widget store shares: loads the view on mount, follows live updates, reloads on
 * demand; `loaded` sees each view the adapter loads (not live updates).
 */
export function createLoader<V extends { status: VoteView['status']; tally: View; pending: unknown; error: KoloError | null }>(
  adapter: KoloAdapter,
  widget: WidgetRef,
  voter: string,
  initial: V,
  loaded?: (view: View) => void,
) {
  const $view = atom<V>(initial);
  const patch = (p: Partial<V>) => $view.set({ ...$view.get(), ...p });
  let generation = 0;

  async function reload() {
    const gen = ++generation;
    patch({ status: 'loading', error: null } as Partial<V>);
    try {
      const tally = await adapter.load(widget, voter);
      loaded?.(tally);
      if (gen === generation) patch({ status: 'ready', tally, error: null } as Partial<V>);
    } catch (e) {
      if (gen === generation) patch({ status: 'error', error: toKoloError(e) } as Partial<V>);
    }
  }

  onMount($view, () => {
    void reload();
    // an action kept for later and then refused (or given up) arrives here, shown as a direct refusal is
    const stop = adapter.subscribe?.(widget, voter, (tally, error) => {
      if (!$view.get().pending) patch({ status: 'ready', tally, error: error ?? null } as Partial<V>);
    });
    return () => {
      generation++;
      stop?.();
    };
  });

  return { $view, patch, reload };
}

/**
 * One voter's view of a tally-based widget (poll, A/B choice, reactions): loads on mount,
 * follows live updates, votes optimistically and rolls back when the adapter refuses.
 */
export function createVoteStore({ adapter, widget, voter, policy, signature }: VoteStoreOptions): VoteStore {
  const { $view, patch, reload } = createLoader<VoteView>(adapter, widget, voter, {
    status: 'loading',
    tally: emptyView(),
    pending: false,
    error: null,
  });

  async function vote(choices: string[]): Promise<boolean> {
    const before = $view.get();
    if (before.status !== 'ready' || before.pending) return false;
    patch({ tally: withBallot(before.tally, choices), pending: true, error: null });
    try {
      const tally = await adapter.send({
        type: 'vote',
        id: randomId('a_'),
        voter,
        widget,
        choices: [...choices],
        policy,
        signature,
        at: new Date().toISOString(),
      });
      patch({ tally, pending: false });
      return true;
    } catch (e) {
      patch({ tally: before.tally, pending: false, error: toKoloError(e) });
      return false;
    }
  }

  return { widget, $view, vote, reload };
}
