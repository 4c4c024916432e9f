import type { PropertyDeclarations, ReactiveController } from 'lit';
import {
  createVoteStore,
  emptyTally,
  isClosed,
  resultsVisible,
  type ResultsVisibility,
  type KoloAdapter,
  type Parsed,
  type Tally,
  type VotePolicy,
  type VoteStore,
  type VoteView,
  type SignalType,
  type MessageKey,
} from '@kolo/core';
import type { KoloElement } from './kolo-element.ts';
import { KoloChangeEvent } from '../events/kolo-change.ts';
import { KoloVoteEvent } from '../events/kolo-vote.ts';

export interface TallyOptions<C> {
  kind: string;
  /** the content as authored (`.config`, or light DOM and attributes) */
  read: () => unknown;
  parse: (input: unknown) => Parsed<C>;
  policy: (config: C) => VotePolicy;
  adapter: () => KoloAdapter;
  voter: () => string;
  signal: (type: SignalType, data?: Record<string, string>) => void;
}

/** The attributes every voting widget has besides its id. */
export const tallyProperties: PropertyDeclarations = {
  results: {},
  closes: {},
  allowChange: { type: Boolean, attribute: 'allow-change' },
  config: { attribute: false },
};

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

const LOADING: VoteView = { status: 'loading', tally: emptyTally(), pending: false, error: null };

/**
 * What every tally widget (poll, A/B choice, reactions) does with its content and its adapter:
 * validates the content on each update, keeps one vote store per (content, adapter), follows live
 * updates and fires `kolo-change`, re-renders when the closing time passes, and votes through a
 * cancelable `kolo-vote`.
 */
export class TallyController<C extends { id: string; closesAt?: string | undefined }> implements ReactiveController {
  parsed?: Parsed<C>;
  view: VoteView = LOADING;
  /** the choices picked in the form, not yet sent */
  selected: string[] = [];
  /** the person is changing an earlier vote */
  changing = false;
  /** what the polite live region says */
  announcement = '';
  private store?: VoteStore;
  private key = '';
  private source = '';
  private adapter?: KoloAdapter;
  private unbind?: () => void;
  private observer?: MutationObserver;
  private timer?: ReturnType<typeof setTimeout>;
  private logged = '';

  constructor(
    private readonly host: KoloElement,
    private readonly o: TallyOptions<C>,
  ) {
    host.addController(this);
  }

  /** The valid content, or undefined while it is invalid. */
  get config(): C | undefined {
    return this.parsed?.ok ? this.parsed.value : undefined;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true, attributes: true });
    if (this.store) this.bind(this.store);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.unbind?.();
    this.unbind = undefined;
    clearTimeout(this.timer);
  }

  /** Before each render: re-validate when the authored content or the adapter changed. */
  hostUpdate(): void {
    let adapter: KoloAdapter | undefined;
    let adapterError = '';
    try {
      adapter = this.o.adapter();
    } catch (e) {
      adapterError = (e as Error).message;
    }
    const source = JSON.stringify(this.o.read());
    if (source === this.source && adapter === this.adapter && this.parsed) return;
    this.source = source;
    this.adapter = adapter;
    this.parsed = adapterError ? { ok: false, error: adapterError } : this.o.parse(JSON.parse(source));
    if (!this.parsed.ok) {
      this.unbind?.();
      this.store = this.unbind = undefined;
      this.key = '';
      if (this.logged !== this.parsed.error) console.error(`<${this.host.localName}>: ${(this.logged = this.parsed.error)}`);
      return;
    }
    const key = JSON.stringify(this.parsed.value);
    if (key !== this.key || !this.store) {
      this.key = key;
      this.store = createVoteStore({
        adapter: adapter!,
        widget: { kind: this.o.kind, id: this.parsed.value.id },
        voter: this.o.voter(),
        policy: this.o.policy(this.parsed.value),
      });
      this.view = LOADING;
      this.bind(this.store);
    }
  }

  /** Re-render when the closing time passes. */
  hostUpdated(): void {
    clearTimeout(this.timer);
    const closesAt = this.config?.closesAt;
    const wait = closesAt ? Date.parse(closesAt) - Date.now() : -1;
    if (wait > 0 && wait < 2 ** 31 - 1) this.timer = setTimeout(() => this.host.requestUpdate(), wait + 50);
  }

  private bind(store: VoteStore): void {
    this.unbind?.();
    let last: Tally | undefined;
    this.unbind = store.$view.subscribe((view) => {
      const previous = this.view;
      this.view = view;
      this.host.requestUpdate();
      if (view.status !== 'ready' || view.pending) return;
      if (last && JSON.stringify(last) !== JSON.stringify(view.tally)) {
        const source = previous.pending ? 'vote' : 'live';
        this.host.dispatchEvent(new KoloChangeEvent({ id: store.widget.id, tally: view.tally, source }));
      }
      last = view.tally;
    });
  }

  /** Vote unless a `kolo-vote` listener cancels; resolves true when the adapter accepted it. */
  async vote(choices: string[]): Promise<boolean> {
    const store = this.store;
    if (!store || this.view.status !== 'ready') return false;
    const go = this.host.dispatchEvent(new KoloVoteEvent({ id: store.widget.id, choices, previous: this.view.tally.mine }));
    return go && store.vote(choices);
  }

  reload(): void {
    void this.store?.reload();
  }

  signal(type: SignalType, data?: Record<string, string>): void {
    this.o.signal(type, data);
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
      announcement,
      states: { loading: view.status === 'loading', ready, error: view.status === 'error', voted, closed, results: showResults, pending: view.pending, changing },
    };
  }

  private set(patch: Partial<Pick<this, 'selected' | 'changing' | 'announcement'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  private focus(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** A radio button or checkbox of the form changed. */
  readonly pick = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    if (!this.selected.length) this.o.signal('interact');
    this.set({
      selected:
        input.type === 'checkbox'
          ? input.checked
            ? [...this.selected, input.value]
            : this.selected.filter((v) => v !== input.value)
          : [input.value],
    });
  };

  /** Send the picked choices; on success say `thanks` and focus the results, else refocus the button. */
  async submit(e: Event, thanks: MessageKey): Promise<void> {
    e.preventDefault();
    const choices = [...this.selected];
    if (!choices.length) return;
    this.set({ announcement: '' });
    this.o.signal('submit', { choices: choices.join(' ') });
    const accepted = await this.vote(choices);
    if (accepted) this.set({ changing: false, selected: [], announcement: this.host.i18nFor().t(thanks) });
    // the form was replaced by the (optimistic) results: put focus where the person can go on
    this.focus(accepted ? 'fieldset' : '[part~="vote-button"]');
  }

  readonly startChange = (): void => {
    this.set({ changing: true, selected: [...this.view.tally.mine], announcement: '' });
    this.focus('input:checked, input');
  };

  readonly cancelChange = (): void => {
    this.set({ changing: false, selected: [] });
    this.focus('[part~="change-button"]');
  };
}
