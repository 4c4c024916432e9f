import {
  createVoteStore,
  emptyView,
  isClosed,
  resultsVisible,
  type ResultsVisibility,
  type VotePolicy,
  type VoteStore,
  type VoteView,
  type MessageKey,
  type WidgetKind,
} from '@kolo/core';
import type { KoloElement } from '../base/kolo-element.ts';
import { KoloVoteEvent } from '../events/kolo-vote.ts';
import { WidgetController, type WidgetOptions } from '../base/widget-controller.ts';
import { focusAfterRender } from '../base/focus.ts';
import { picked } from '../base/pick.ts';

export interface TallyOptions<C> extends Omit<WidgetOptions<C, VoteStore>, 'store'> {
  kind: WidgetKind;
  policy: (config: C) => VotePolicy;
}

/** What a voting widget shows right now, derived from its content, its store and its form. */
export interface TallyFormState extends VoteView {
  ready: boolean;
  closed: boolean;
  voted: boolean;
  /** the inputs and the vote button are shown */
  showForm: boolean;
  showResults: boolean;
  selected: string[];
  changing: boolean;
  announcement: string;
  /** custom states for `:state()` */
  states: Record<string, boolean>;
}

/**
 * A voting widget (poll, A/B choice, reactions): the widget lifecycle with a vote store, plus the
 * ballot form (picked choices, change-my-vote, live-region text) and a cancelable `kolo-vote`.
 */
export class TallyController<C extends { id: string; closesAt?: string | undefined; signature?: string | undefined }> extends WidgetController<C, VoteView, VoteStore> {
  /** the choices picked in the form, not yet sent */
  selected: string[] = [];
  /** the person is changing an earlier vote */
  changing = false;
  /** what the polite live region says */
  announcement = '';

  constructor(host: KoloElement, o: TallyOptions<C>) {
    super(
      host,
      {
        ...o,
        store: (adapter, config, voter) => createVoteStore({ adapter, widget: { kind: o.kind, id: config.id }, voter, policy: o.policy(config), signature: config.signature }),
      },
      { status: 'loading', tally: emptyView(), pending: false, error: null },
    );
  }

  /** Vote unless a `kolo-vote` listener cancels; resolves true when the adapter accepted it. */
  async vote(choices: string[]): Promise<boolean> {
    const store = this.store;
    if (!store || this.view.status !== 'ready') return false;
    const go = this.host.dispatchEvent(new KoloVoteEvent({ id: store.widget.id, choices, previous: this.view.tally.mine }));
    return go && store.vote(choices);
  }

  /** Everything the render needs to know, for the valid content `cfg`. */
  formState(cfg: C & { results?: ResultsVisibility | undefined }): TallyFormState {
    const { view, selected, changing, announcement } = this;
    const ready = view.status === 'ready';
    const closed = isClosed(cfg);
    const voted = view.tally.mine.length > 0;
    const showResults = resultsVisible(cfg.results, { ready, voted, closed });
    return {
      ...view,
      ready,
      closed,
      voted,
      showForm: !closed && view.status !== 'error' && (!voted || changing),
      showResults,
      selected,
      changing,
      // votes kept offline say so until they are delivered
      announcement: view.tally.queued ? this.host.i18n.t('queued') : announcement,
      states: { loading: view.status === 'loading', ready, error: view.status === 'error', voted, closed, results: showResults, pending: view.pending, changing },
    };
  }

  private set(patch: Partial<Pick<this, 'selected' | 'changing' | 'announcement'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }


  /** A radio button or checkbox of the form changed. */
  readonly pick = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    if (!this.selected.length) this.o.signal('interact');
    this.set({ selected: picked(this.selected, input) });
  };

  /** Send the picked choices; on success say `thanks` and focus the results, else refocus the button. */
  async submit(e: Event, thanks: MessageKey): Promise<void> {
    e.preventDefault();
    const choices = [...this.selected];
    if (!choices.length) return;
    this.set({ announcement: '' });
    this.o.signal('submit', { choices: choices.join(' ') });
    const accepted = await this.vote(choices);
    if (accepted) this.set({ changing: false, selected: [], announcement: this.host.i18n.t(thanks) });
    // the form was replaced by the (optimistic) results: put focus where the person can go on
    focusAfterRender(this.host, accepted ? 'fieldset' : '[part~="vote-button"]');
  }

  readonly startChange = (): void => {
    this.set({ changing: true, selected: [...this.view.tally.mine], announcement: '' });
    focusAfterRender(this.host, 'input:checked, input');
  };

  readonly cancelChange = (): void => {
    this.set({ changing: false, selected: [] });
    focusAfterRender(this.host, '[part~="change-button"]');
  };
}
