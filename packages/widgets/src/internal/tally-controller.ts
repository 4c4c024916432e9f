import type { ReactiveController } from 'lit';
import {
  createVoteStore,
  emptyTally,
  type KoloAdapter,
  type Parsed,
  type Tally,
  type VotePolicy,
  type VoteStore,
  type VoteView,
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
}
