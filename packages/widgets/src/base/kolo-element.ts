import { LitElement, adoptStyles, html, isServer, type PropertyDeclarations, type PropertyValues } from 'lit';
import {
  commonMessages,
  createSignal,
  createTranslator,
  voterId,
  type KoloAdapter,
  type Bundle,
  type MessageOverrides,
  type Parsed,
  type SignalType,
  type Translator,
  type ElementKind,
  type ElementRef,
} from '@kolo/core';
import { findAdapter } from './adapters.ts';
import { PAGE_SCHEME, watchPage, watchScheme } from './scheme.ts';

const connected = new Set<KoloElement>();
let langObserver: MutationObserver | undefined;

/** The closest `lang` at or above `el`, crossing shadow roots; else the document's; else English. */
function langOf(el: Element): string {
  for (let n: Node | null = el; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    const lang = (n as Element).getAttribute?.('lang');
    if (lang) return lang;
  }
  return 'en';
}

/**
 * The base of every Kolo element: safe registration, language and messages, adapter lookup,
 * custom states and signals.
 */
export abstract class KoloElement extends LitElement {
  static override properties: PropertyDeclarations = {
    /** The language of the widget's own words (`en`, `uk`, or one added with `registerMessages`); by default the closest `lang` above it. */
    lang: { reflect: true },
    theme: { reflect: true },
    messages: { type: Object },
    adapter: { attribute: false },
    campaign: {},
  };

  /** The message bundles this element uses, its own first (common strings last). */
  static messageBundles: Bundle[] = [commonMessages];

  /** Force `light` or `dark`; by default the page's `color-scheme` decides (the OS where the page sets none). */
  declare theme: 'light' | 'dark' | undefined;
  /** Replace any message, e.g. `{ "vote": "Send" }` (JSON in the attribute). */
  declare messages: MessageOverrides | undefined;
  /** The adapter for this element; by default found from the page (see `provideAdapter`). */
  declare adapter: KoloAdapter | undefined;
  /** `utm_campaign` for next-step links. */
  declare campaign: string | undefined;

  /** The kind of widget, for adapters and signals. */
  protected abstract readonly widgetKind: ElementKind;
  protected readonly internals: ElementInternals;
  private translator?: Translator;
  private translatorLang = '';
  private translatorMessages?: MessageOverrides;
  private viewObserver?: IntersectionObserver;
  private viewTimer?: ReturnType<typeof setTimeout>;
  private viewed = false;

  /** Register under `tag` unless the tag is taken; a second tag for the same class also works. */
  static define(tag: string): void {
    if (customElements.get(tag)) return;
    try {
      customElements.define(tag, this as unknown as CustomElementConstructor);
    } catch {
      customElements.define(tag, class extends (this as unknown as typeof HTMLElement) {});
    }
  }

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /**
   * A shadow root rendered on the server (declarative shadow DOM) is emptied and rendered again, in
   * the same task, so nothing is painted between. (Lit would add to it, or, with `@lit-labs/ssr-client`'s
   * hydrate support, expect the first render to match the server's exactly.)
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (!root) return super.createRenderRoot();
    root.replaceChildren();
    adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    return root;
  }

  /** On the server (`@lit-labs/ssr`) no controller's `hostUpdate` runs: the content is validated here. */
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (isServer) this.content?.hostUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    watchScheme(this, this.internals.states);
    if (!langObserver && typeof MutationObserver === 'function') {
      langObserver = new MutationObserver(() => connected.forEach((el) => el.requestUpdate()));
      langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
      watchPage(() => connected.forEach((el) => watchScheme(el, el.internals.states)));
    }
    // a view: at least half of the widget (or half the window, for a tall one) in sight for a second
    if (typeof IntersectionObserver === 'function' && !this.viewed) {
      this.viewObserver = new IntersectionObserver(
        (entries) => {
          const e = entries.pop()!;
          clearTimeout(this.viewTimer);
          if (e.intersectionRatio >= 0.5 || e.intersectionRect.height * 2 >= innerHeight) {
            this.viewTimer = setTimeout(() => {
              this.viewed = true;
              this.viewObserver?.disconnect();
              this.signal('view');
            }, 1000);
          }
        },
        { threshold: Array.from({ length: 11 }, (_, i) => i / 10) },
      );
      this.viewObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    this.viewObserver?.disconnect();
    clearTimeout(this.viewTimer);
  }

  /** The language tag in effect here (`en-GB`): the closest `lang` at or above the element. */
  protected get langTag(): string {
    return langOf(this);
  }

  /** Messages in the element's language, with its overrides (also for controllers).
   * @internal */
  get i18n(): Translator {
    const lang = this.langTag;
    // A new `messages` object (property or attribute) replaces the old one, so identity tells a change.
    if (!this.translator || lang !== this.translatorLang || this.messages !== this.translatorMessages) {
      this.translatorLang = lang;
      this.translatorMessages = this.messages;
      // the adapter's own words (the HTTP adapter's "saved offline") are looked up last, when needed
      this.translator = createTranslator(lang, this.messages ?? {}, (this.constructor as typeof KoloElement).messageBundles, () => this.resolveAdapter().messages ?? []);
    }
    return this.translator;
  }

  /** This element's adapter: its own `.adapter`, else the page's choice. Throws for an unknown adapter name. */
  protected resolveAdapter(): KoloAdapter {
    return this.adapter ?? findAdapter(this);
  }

  protected get voter(): string {
    return voterId();
  }

  /** The controller that holds this element's validated content (set by the controller).
   * @internal */
  content?: { readonly config?: { id: string } | undefined; readonly parsed?: Parsed<unknown> | undefined; hostUpdate(): void };

  /** The widget this element shows, once its content is valid. */
  protected get widget(): ElementRef | undefined {
    const id = this.content?.config?.id;
    return id ? { kind: this.widgetKind, id } : undefined;
  }

  /** What a controller needs from its host, bound to it. */
  protected hooks() {
    return {
      adapter: () => this.resolveAdapter(),
      voter: () => this.voter,
      signal: (type: SignalType, data?: Record<string, string>) => this.signal(type, data),
    };
  }

  /** Send a signal to the adapter (fire and forget), with the widget's `campaign` (per-campaign conversion). */
  protected signal(type: SignalType, data?: Record<string, string | number | boolean>): void {
    const widget = this.widget;
    if (!widget) return;
    try {
      this.resolveAdapter().track?.(createSignal(type, widget, this.voter, this.campaign ? { ...data, campaign: this.campaign } : data));
    } catch {
      /* signals never break a widget */
    }
  }

  /** What to render while the content is invalid: the error saying what is wrong, and the `invalid` state. */
  protected invalid() {
    const parsed = this.content?.parsed;
    // on the server, content that could not be read (no light DOM there) is shown as authored, never as an error
    if (!parsed) return html`<div part="base"><slot></slot></div>`;
    this.setStates({ invalid: true });
    return html`<div part="base error" role="alert">${this.i18n.t('invalid', { details: parsed?.ok === false ? parsed.error : '' })}</div>`;
  }

  /** Expose exactly the states that are true, for `:state(name)` styling (and keep `page-scheme`, see `scheme.ts`). */
  protected setStates(states: Record<string, boolean>): void {
    const set = this.internals.states;
    const page = set.has(PAGE_SCHEME);
    set.clear();
    if (page) set.add(PAGE_SCHEME);
    for (const name in states) if (states[name]) set.add(name);
  }
}
