import { isServer, type ReactiveController } from 'lit';
import type { KoloAdapter, KoloError, Parsed, SignalType, Tally } from '@kolo/core';
import type { KoloElement } from './kolo-element.ts';
import { KoloChangeEvent } from '../events/kolo-change.ts';

/** What every widget store shows: loading state, tally, whether an action is on its way, the last error. */
export interface WidgetView {
  status: 'loading' | 'ready' | 'error';
  tally: Tally;
  pending: unknown;
  error: KoloError | null;
}

export interface StoreLike<V extends WidgetView> {
  readonly widget: { kind: string; id: string };
  readonly $view: { subscribe(listener: (view: V) => void): () => void };
  reload(): Promise<void>;
}

export interface WidgetOptions<C, S> extends ContentOptions<C> {
  /** the store for valid content */
  store: (adapter: KoloAdapter, config: C, voter: string) => S;
  adapter: () => KoloAdapter;
  voter: () => string;
  signal: (type: SignalType, data?: Record<string, string>) => void;
}

/** How a widget reads and validates its content. */
export interface ContentOptions<C> {
  /** the content as authored (`.config`, or light DOM and attributes) */
  read: () => unknown;
  parse: (input: unknown) => Parsed<C>;
}

/**
 * A widget's content, validated on each update when it changed: `.config`, attributes, or the light
 * DOM, which is watched, so late-rendered children count. Invalid content is logged once.
 */
export class ContentController<C> implements ReactiveController {
  parsed?: Parsed<C>;
  private source = '';
  private observer?: MutationObserver;
  private logged = '';

  constructor(
    protected readonly host: KoloElement,
    private readonly content: ContentOptions<C>,
  ) {
    host.addController(this);
    host.content = this as unknown as KoloElement['content'];
  }

  /** The valid content, or undefined while it is invalid. */
  get config(): C | undefined {
    return this.parsed?.ok ? this.parsed.value : undefined;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(this.host, { childList: true, subtree: true, characterData: true, attributes: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  /**
   * Validate the content again if it changed (or `error` makes it invalid); returns whether it changed.
   * On the server an element sees no light DOM (unless `@kolo/widgets/ssr` lends it the authored one):
   * without `.config` there is nothing to read, and the content stays unknown, not invalid.
   */
  protected revalidate(error = ''): boolean {
    if (isServer && !('children' in this.host) && !(this.host as { config?: unknown }).config) return false;
    const raw = this.content.read();
    const source = JSON.stringify(raw) + error;
    if (source === this.source && this.parsed) return false;
    this.source = source;
    this.parsed = error ? { ok: false, error } : this.content.parse(raw);
    if (!this.parsed.ok && this.logged !== this.parsed.error) console.error(`<${this.host.localName}>: ${(this.logged = this.parsed.error)}`);
    return true;
  }

  hostUpdate(): void {
    this.revalidate();
  }
}

/**
 * What every adapter-backed widget does with its content: validates it on each update (the light
 * DOM is watched, so late-rendered children count), keeps one store per (content, adapter), follows
 * live updates and fires `kolo-change`, and re-renders when the closing time passes.
 */
export class WidgetController<C extends { id: string; closesAt?: string | undefined }, V extends WidgetView, S extends StoreLike<V> = StoreLike<V>> extends ContentController<C> {
  view: V;
  /** the store of the valid content */
  store?: S;
  private key = '';
  private adapter?: KoloAdapter;
  private unbind?: () => void;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    host: KoloElement,
    protected readonly o: WidgetOptions<C, S>,
    private readonly loading: V,
  ) {
    super(host, o);
    this.view = loading;
  }

  override hostConnected(): void {
    super.hostConnected();
    if (this.store) this.bind(this.store);
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    this.unbind?.();
    this.unbind = undefined;
    clearTimeout(this.timer);
  }

  /** Before each render: re-validate when the authored content or the adapter changed. */
  override hostUpdate(): void {
    // on the server: no adapter nor store; valid content shows as ready, with no votes yet
    if (isServer) {
      this.revalidate();
      this.view = { ...this.loading, status: 'ready' };
      return;
    }
    let adapter: KoloAdapter | undefined;
    let adapterError = '';
    try {
      adapter = this.o.adapter();
    } catch (e) {
      adapterError = (e as Error).message;
    }
    if (!this.revalidate(adapterError) && adapter === this.adapter) return;
    this.adapter = adapter;
    if (!this.parsed!.ok) {
      this.unbind?.();
      this.store = this.unbind = undefined;
      this.key = '';
      return;
    }
    const key = JSON.stringify(this.parsed!.value);
    if (key !== this.key || !this.store) {
      this.key = key;
      this.store = this.o.store(adapter!, this.parsed!.value, this.o.voter());
      this.view = this.loading;
      this.restart();
      this.bind(this.store);
    }
  }

  /** A new store started (new content or adapter): forget per-store UI state. */
  protected restart(): void {}

  /** Re-render when the closing time passes. */
  hostUpdated(): void {
    clearTimeout(this.timer);
    const closesAt = this.config?.closesAt;
    const wait = closesAt ? Date.parse(closesAt) - Date.now() : -1;
    if (wait > 0 && wait < 2 ** 31 - 1) this.timer = setTimeout(() => this.host.requestUpdate(), wait + 50);
  }

  private bind(store: S): void {
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

  reload(): void {
    void this.store?.reload();
  }

  signal(type: SignalType, data?: Record<string, string>): void {
    this.o.signal(type, data);
  }
}
