import { html, nothing, type PropertyDeclarations } from 'lit';
import { createHelpfulStore, emptyView, faqMessages, helpfulWidget, parseFaqConfig, withUtm, type FaqCard, type FaqConfig, type HelpfulStore, type HelpfulView } from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { WidgetController } from '../../base/widget-controller.ts';
import { authoredNextStep, lightText } from '../../base/light-dom.ts';
import { errorText, loadError, nextStepLink } from '../../base/parts.ts';
import { KoloSlideEvent } from '../../events/kolo-slide.ts';
import { KoloVoteEvent } from '../../events/kolo-vote.ts';
import { tokens } from '../../styles/tokens.ts';
import { faqStyles } from './faq-carousel.styles.ts';
import { headingStyles } from '../../styles/heading.ts';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A carousel of FAQ cards (question → answer) and myth cards (myth → fact → what to do), following
 * the WAI-ARIA carousel pattern: previous/next buttons, a card picker, "2 of 6" announced politely,
 * no rotation unless `autoplay` is set (then a pause button, and it pauses on hover and focus, and
 * does not start by itself when reduced motion is asked for). Cards scroll-snap, so they swipe on
 * touch; arrow keys move between them (mirrored right to left). Every card asks "was this helpful?"
 * (one answer per person, counted by the adapter), and an optional closing card offers a next step.
 * `#<carousel-id>/<card-id>` in the URL opens that card.
 *
 * Author in HTML so every card reads without the script: the first heading is the carousel's label;
 * each `article[data-card]` is a card (its heading the question or myth, its paragraphs the answer;
 * with `p[data-fact]` it is a myth card, `p[data-advice]` says what to do, `a[data-link]` is a link);
 * `[data-closing]` holds the closing text and its `a[data-next-step]`. Or set `.config` (see `FaqConfig`).
 *
 * @summary FAQ and myth/fact carousel with "was this helpful?".
 * @tag kolo-faq-carousel
 *
 * @event kolo-slide - Another card is shown. `detail: { id, card, index }`.
 * @event kolo-vote - Before a "was this helpful?" answer is sent; cancelable. `detail: { id: "<carousel>.<card>", choices: ["yes"|"no"], previous }`.
 * @event kolo-change - The helpful counts changed. `detail: { id, tally, source }`.
 * @event kolo-next-step - A card's link or the closing next step was followed; cancelable. `detail: { id, href }`.
 *
 * @csspart base - The carousel.
 * @csspart heading - Its label.
 * @csspart controls - The row of buttons and the position.
 * @csspart rotation-button - Starts or stops automatic rotation.
 * @csspart previous-button - Shows the previous card.
 * @csspart next-button - Shows the next card.
 * @csspart position - "2 / 6".
 * @csspart slides - The scroll-snap track.
 * @csspart slide - A card; also `slide-faq`, `slide-myth`, `slide-closing`, `slide-current`.
 * @csspart label - "Question", "Myth", "Fact", "What to do".
 * @csspart title - The question or the myth.
 * @csspart body - The answer or the fact.
 * @csspart advice - What to do (myth cards).
 * @csspart link - A card's link.
 * @csspart feedback - "Was this helpful?" with its buttons.
 * @csspart yes-button - "Yes".
 * @csspart no-button - "No".
 * @csspart picker - The card picker.
 * @csspart dot - A card's button in the picker.
 * @csspart error - A refused answer or invalid content.
 * @csspart next-step - The closing card's call to action.
 *
 * @cssproperty --kolo-color-accent - Buttons, the current dot, the focus ring.
 * @cssproperty --kolo-faq-myth-color - The "Myth" label (default: the danger color).
 * @cssproperty --kolo-faq-fact-color - The "Fact" label (default: the success color).
 *
 * @cssstate loading - The helpful counts are loading (the cards are shown).
 * @cssstate ready - Loaded.
 * @cssstate error - The counts could not be loaded: the cards are shown, "was this helpful?" offers a retry.
 * @cssstate invalid - The content is invalid; an error is shown instead.
 * @cssstate rotating - Rotating automatically.
 * @cssstate first - The first card is shown.
 * @cssstate last - The last card is shown.
 */
export class KoloFaqCarousel extends KoloElement {
  static override messageBundles = [faqMessages, ...KoloElement.messageBundles];
  static override styles = [tokens, headingStyles, faqStyles];
  static override properties: PropertyDeclarations = {
    carouselId: { attribute: 'carousel-id' },
    autoplay: { type: Number },
    noFeedback: { type: Boolean, attribute: 'no-feedback' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    config: { attribute: false },
  };

  /** The carousel's id, unique among the site's carousels (deep links use it). */
  declare carouselId: string;
  /** Rotate every N seconds (3–120); off by default. */
  declare autoplay: number | undefined;
  /** Don't ask "was this helpful?". */
  declare noFeedback: boolean;
  /** The level of the carousel's heading (default 2); card titles are one level below. */
  declare headingLevel: number | undefined;
  /** The whole carousel as an object; replaces the HTML content and attributes. */
  declare config: Partial<FaqConfig> | undefined;

  protected readonly widgetKind = 'faq';
  private readonly faq = new WidgetController<FaqConfig, HelpfulView, HelpfulStore>(
    this,
    { read: () => this.readConfig(), parse: parseFaqConfig, store: createHelpfulStore, ...this.hooks() },
    { status: 'loading', tally: emptyView(), pending: null, error: null },
  );
  /** the card shown */
  private index = 0;
  /** the card a button or key asked for, while the track scrolls to it */
  private target?: number;
  /** what the polite live region says */
  private said = '';
  private stopped = false;
  private held = false;
  private timer?: ReturnType<typeof setInterval>;
  private moved = false;

  constructor() {
    super();
    this.carouselId = '';
    this.noFeedback = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.fromHash);
    this.stopped = reducedMotion();
    void this.updateComplete.then(() => this.fromHash());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.fromHash);
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private readConfig(): unknown {
    const own = {
      id: this.carouselId || undefined,
      ...(this.autoplay ? { autoplay: this.autoplay } : {}),
      ...(this.noFeedback ? { feedback: false } : {}),
    };
    if (this.config) return { ...own, ...this.config };
    const heading = [...this.children].find((k) => k.matches('h1, h2, h3, h4, h5, h6'));
    const cards = [...this.querySelectorAll('[data-card]')].map((card, i) => {
      const text = (sel: string) => {
        const el = card.querySelector(sel);
        return el ? lightText(el) : undefined;
      };
      const fact = text('[data-fact]');
      const link = card.querySelector('a[data-link]');
      const body = fact ?? [...card.querySelectorAll('p:not([data-advice])')].map(lightText).join('\n\n');
      return {
        id: card.getAttribute('data-card') || String(i + 1),
        kind: fact ? 'myth' : 'faq',
        title: text('h1, h2, h3, h4, h5, h6, [data-title]') ?? '',
        body,
        ...(text('[data-advice]') ? { advice: text('[data-advice]') } : {}),
        ...(link ? { link: { label: lightText(link), href: link.getAttribute('href') ?? '' } } : {}),
      };
    });
    const closing = this.querySelector('[data-closing]');
    return {
      ...own,
      ...(heading ? { label: lightText(heading) } : {}),
      cards,
      ...(closing ? { closing: { text: lightText(closing.querySelector('p, h1, h2, h3, h4, h5, h6') ?? closing), ...authoredNextStep(closing) } } : {}),
    };
  }

  private get total(): number {
    const cfg = this.faq.config;
    return cfg ? cfg.cards.length + (cfg.closing ? 1 : 0) : 0;
  }

  private get track(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="slides"]');
  }

  private get rtl(): boolean {
    return !!this.track && getComputedStyle(this.track).direction === 'rtl';
  }

  /** Show card `i` (wrapping around), scrolling the track to it; `byPerson` false for rotation and deep links. */
  go(i: number, smooth = !reducedMotion(), byPerson = true): void {
    const total = this.total;
    if (!total) return;
    const index = ((i % total) + total) % total;
    const track = this.track;
    this.target = index;
    track?.scrollTo({ left: (this.rtl ? -1 : 1) * index * track.clientWidth, behavior: smooth ? 'smooth' : 'instant' });
    this.show(index, byPerson);
  }

  /** Card `index` is the one shown now. */
  private show(index: number, byPerson: boolean): void {
    if (index === this.index) return;
    this.index = index;
    const cfg = this.faq.config!;
    this.said = this.rotating ? '' : this.i18n.t('cardOf', { index: index + 1, total: this.total });
    if (byPerson && !this.moved) {
      this.moved = true;
      this.signal('interact');
    }
    this.dispatchEvent(new KoloSlideEvent({ id: cfg.id, card: cfg.cards[index]?.id ?? 'closing', index }));
    this.requestUpdate();
  }

  /** A swipe or a scroll of the track: the card that snapped into view is the current one. */
  private readonly scrolled = (): void => {
    const track = this.track;
    if (!track?.clientWidth) return;
    const index = Math.round(Math.abs(track.scrollLeft) / track.clientWidth);
    if (this.target !== undefined) {
      if (index !== this.target) return;
      this.target = undefined;
    }
    this.show(Math.min(index, this.total - 1), !this.rotating);
  };

  private readonly key = (e: KeyboardEvent): void => {
    if ((e.target as Element).matches('input, textarea, select')) return;
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (step) this.go(this.index + (this.rtl ? -step : step));
    else if (e.key === 'Home') this.go(0);
    else if (e.key === 'End') this.go(this.total - 1);
    else return;
    e.preventDefault();
  };

  private readonly fromHash = (): void => {
    const cfg = this.faq.config;
    const [id, card] = decodeURIComponent(location.hash.slice(1)).split('/');
    const i = cfg && id === cfg.id ? cfg.cards.findIndex((c) => c.id === card) : -1;
    if (i < 0) return;
    this.go(i, false, false);
    this.scrollIntoView({ block: 'start' });
  };

  private get rotating(): boolean {
    return !!this.faq.config?.autoplay && !this.stopped && !this.held;
  }

  /** Rotate while autoplay is on and nobody paused, hovers or focuses the carousel. */
  private rotate(): void {
    const seconds = this.faq.config?.autoplay;
    const on = this.rotating && this.isConnected;
    if (on && !this.timer) this.timer = setInterval(() => this.go(this.index + 1, undefined, false), seconds! * 1000);
    if (!on && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private hold(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    this.requestUpdate();
  }

  private async answer(card: FaqCard, yes: boolean): Promise<void> {
    const cfg = this.faq.config!;
    const id = helpfulWidget(cfg.id, card.id).id;
    if (!this.dispatchEvent(new KoloVoteEvent({ id, choices: [yes ? 'yes' : 'no'], previous: [] }))) return;
    this.signal('submit', { card: card.id, helpful: yes });
    await this.faq.store?.answer(card.id, yes);
  }

  override updated(): void {
    this.rotate();
  }

  private card(card: FaqCard, i: number, cfg: FaqConfig) {
    const { t } = this.i18n;
    const { tally, pending, error, status } = this.faq.view;
    const level = (this.headingLevel ?? 2) + 1;
    const myth = card.kind === 'myth';
    const answered = tally.mine.find((m) => m.startsWith(`${card.id}:`));
    const link = card.link && withUtm(card.link.href, { campaign: this.campaign, content: cfg.id });
    return html`<div part="slide slide-${myth ? 'myth' : 'faq'}${i === this.index ? ' slide-current' : ''}" id="card-${i}" role="group"
      aria-roledescription=${t('slide')} aria-label=${t('cardOf', { index: i + 1, total: this.total })} ?inert=${i !== this.index}>
      <p part="label" class=${myth ? 'myth' : 'muted'}>${t(myth ? 'myth' : 'question')}</p>
      <p part="title" role="heading" aria-level=${level}>${card.title}</p>
      ${myth ? html`<p part="label" class="fact">${t('fact')}</p>` : nothing}
      <p part="body">${card.body}</p>
      ${card.advice ? html`<p part="label">${t('adviceLabel')}</p><p part="advice">${card.advice}</p>` : nothing}
      ${link ? html`<a part="link" href=${link} @click=${() => this.signal('next-step', { href: link })}>${card.link!.label}</a>` : nothing}
      ${cfg.feedback === false || status === 'loading'
        ? nothing
        : status === 'error'
          ? i === this.index ? loadError(this.i18n, () => this.faq.reload()) : nothing
          : answered
          ? html`<p part="feedback" class="muted">${t('feedbackThanks')}</p>`
          : html`<div part="feedback" role="group" aria-labelledby="helpful-${i}">
              <span id="helpful-${i}">${t('helpful')}</span>
              <button part="yes-button" type="button" ?disabled=${!!pending} @click=${() => this.answer(card, true)}>${t('yes')}</button>
              <button part="no-button" type="button" ?disabled=${!!pending} @click=${() => this.answer(card, false)}>${t('no')}</button>
            </div>`}
      ${error && pending === null && i === this.index && !answered ? html`<p part="error" role="alert">${errorText(this.i18n, error)}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const i18n = this.i18n;
    const { t } = i18n;
    const cfg = this.faq.config;
    if (!cfg) return this.invalid();
    const total = this.total;
    if (this.index >= total) this.index = 0;
    const titles = [...cfg.cards.map((c) => c.title), cfg.closing?.text ?? ''];
    const { status } = this.faq.view;
    this.setStates({ loading: status === 'loading', ready: status === 'ready', error: status === 'error', rotating: this.rotating, first: this.index === 0, last: this.index === total - 1 });
    return html`<section part="base" aria-roledescription=${t('carousel')} aria-label=${cfg.label ? nothing : t('faqLabel')} aria-labelledby=${cfg.label ? 'heading' : nothing}
        @keydown=${this.key} @mouseenter=${() => this.hold(true)} @mouseleave=${() => this.hold(this.matches(':focus-within'))}
        @focusin=${() => this.hold(true)} @focusout=${(e: FocusEvent) => this.hold(this.renderRoot.contains(e.relatedTarget as Node))}>
      ${cfg.label ? html`<p part="heading" id="heading" role="heading" aria-level=${this.headingLevel ?? 2}>${cfg.label}</p>` : nothing}
      <div part="controls">
        ${cfg.autoplay
          ? html`<button part="rotation-button" type="button" aria-label=${t(this.stopped ? 'startRotation' : 'stopRotation')}
              @click=${() => ((this.stopped = !this.stopped), this.requestUpdate())}><span aria-hidden="true">${this.stopped ? '▶' : '❚❚'}</span></button>`
          : nothing}
        <button part="previous-button" type="button" aria-controls="slides" aria-label=${t('previousCard')} @click=${() => this.go(this.index - 1)}>
          <span class="arrow" aria-hidden="true">‹</span>
        </button>
        <span part="position" aria-hidden="true">${i18n.number(this.index + 1)} / ${i18n.number(total)}</span>
        <button part="next-button" type="button" aria-controls="slides" aria-label=${t('nextCard')} @click=${() => this.go(this.index + 1)}>
          <span class="arrow" aria-hidden="true">›</span>
        </button>
      </div>
      <div part="slides" id="slides" @scroll=${this.scrolled}>
        ${cfg.cards.map((card, i) => this.card(card, i, cfg))}
        ${cfg.closing
          ? html`<div part="slide slide-closing${this.index === total - 1 ? ' slide-current' : ''}" id="card-${total - 1}" role="group"
              aria-roledescription=${t('slide')} aria-label=${t('cardOf', { index: total, total })} ?inert=${this.index !== total - 1}>
              <p part="title" role="heading" aria-level=${(this.headingLevel ?? 2) + 1}>${cfg.closing.text}</p>
              ${nextStepLink(this, cfg.closing.nextStep, cfg.id, (href) => this.faq.signal('next-step', { href }))}
            </div>`
          : nothing}
      </div>
      <div part="picker" role="group" aria-label=${t('cards')}>
        ${titles.slice(0, total).map(
          (title, i) => html`<button part="dot" type="button" aria-label=${t('goTo', { index: i + 1, title })} aria-current=${i === this.index ? 'true' : nothing}
            aria-controls="slides" @click=${() => this.go(i)}></button>`,
        )}
      </div>
      <p class="sr-only" role="status">${this.said}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-faq-carousel': KoloFaqCarousel;
  }
}
