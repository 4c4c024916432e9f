import { html, nothing, type PropertyDeclarations } from 'lit';
import { createHelpfulStore, emptyView, faqMessages, helpfulWidget, parseFaqConfig, readFaq, withUtm, type FaqCard, type FaqConfig, type HelpfulStore, type HelpfulView } from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { WidgetController } from '../../base/widget-controller.ts';
import { errorText, loadError, nextStepLink } from '../../base/parts.ts';
import { KoloVoteEvent } from '../../events/kolo-vote.ts';
import { tokens } from '../../styles/tokens.ts';
import { faqStyles } from './faq-carousel.styles.ts';
import { headingStyles } from '../../styles/heading.ts';
import { heading, levelBelow } from '../../base/heading.ts';
import { CarouselController, reducedMotion } from './carousel-controller.ts';

/**
 * A carousel of FAQ cards (question → answer) and myth cards (myth → fact → what to do), following
 * the WAI-ARIA carousel pattern: previous/next buttons, a card picker (tabs: one Tab stop, arrow keys,
 * Home and End), "2 of 6" announced politely,
 * no rotation unless `autoplay` is set (then a pause button, and it pauses on hover and focus, and
 * does not start by itself when reduced motion is asked for). Cards scroll-snap, so they swipe on
 * touch; arrow keys move between them (mirrored right to left). Every card asks "was this helpful?"
 * (one answer per person, counted by the adapter), and an optional closing card offers a next step.
 * `#<carousel-id>/<card-id>` in the URL opens that card.
 *
 * Author in HTML so every card reads without the script: the first heading is the carousel's label
 * (its level kept: `<h3>` → a level-3 heading, card titles level 4);
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
 * @csspart base - The carousel, the card (padding, border, radius, background, color, type; a page CSS reset cannot strip them): restyle it here.
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
 * @csspart picker - The card picker (a tab list).
 * @csspart dot - A card's tab in the picker.
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
    config: { type: Object },
  };

  /** The carousel's id, unique among the site's carousels (deep links use it). */
  declare carouselId: string;
  /** Rotate every N seconds (3–120); off by default. */
  declare autoplay: number | undefined;
  /** Don't ask "was this helpful?". */
  declare noFeedback: boolean;
  /** The level (1–6) of the carousel's heading: by default that of the heading written in the HTML (`<h3>` → 3), else 2; set it when the content comes from `.config`. Card titles are one level below. */
  declare headingLevel: number | undefined;
  /** The whole carousel as an object; replaces the HTML content and attributes. */
  declare config: Partial<FaqConfig> | undefined;

  protected readonly widgetKind = 'faq';
  private readonly faq = new WidgetController<FaqConfig, HelpfulView, HelpfulStore>(
    this,
    { read: () => readFaq(this, this), parse: parseFaqConfig, store: createHelpfulStore, ...this.hooks() },
    { status: 'loading', tally: emptyView(), pending: null, error: null },
  );
  private readonly carousel = new CarouselController(this, () => this.faq.config, (type) => this.signal(type));

  constructor() {
    super();
    this.carouselId = '';
    this.noFeedback = false;
  }

  /** Show card `i` (wrapping around), scrolling the track to it; `byPerson` false for rotation and deep links. */
  go(i: number, smooth = !reducedMotion(), byPerson = true): void {
    this.carousel.go(i, smooth, byPerson);
  }

  private async answer(card: FaqCard, yes: boolean): Promise<void> {
    const cfg = this.faq.config!;
    const id = helpfulWidget(cfg.id, card.id).id;
    if (!this.dispatchEvent(new KoloVoteEvent({ id, choices: [yes ? 'yes' : 'no'], previous: [] }))) return;
    this.signal('submit', { card: card.id, helpful: yes });
    const kept = this.shadowRoot!.activeElement;
    await this.faq.store?.answer(card.id, yes);
    await this.updateComplete;
    // the buttons are gone: focus stays in the card, on its thank-you, not on <body>
    if (kept && !this.shadowRoot!.activeElement) this.renderRoot.querySelector<HTMLElement>('[part~=slide-current] [part=feedback]')?.focus();
  }

  private card(card: FaqCard, i: number, cfg: FaqConfig) {
    const { t } = this.i18n;
    const c = this.carousel;
    const { tally, pending, error, status } = this.faq.view;
    const level = levelBelow(this);
    const myth = card.kind === 'myth';
    const answered = tally.mine.find((m) => m.startsWith(`${card.id}:`));
    const link = card.link && withUtm(card.link.href, { campaign: this.campaign, content: cfg.id });
    // a tab panel with nothing to focus (no link, no buttons) is a Tab stop itself (the tabs pattern)
    const asks = cfg.feedback !== false && status !== 'loading' && (status === 'error' || !answered);
    return html`<div part="slide slide-${myth ? 'myth' : 'faq'}${i === c.index ? ' slide-current' : ''}" id="card-${i}" role="tabpanel"
      tabindex=${link || asks ? nothing : 0} aria-label=${t('cardOf', { index: i + 1, total: c.total })} ?inert=${i !== c.index}>
      <p part="label" class=${myth ? 'myth' : 'muted'}>${t(myth ? 'myth' : 'question')}</p>
      <p part="title" role="heading" aria-level=${level}>${card.title}</p>
      ${myth ? html`<p part="label" class="fact">${t('fact')}</p>` : nothing}
      <p part="body">${card.body}</p>
      ${card.advice ? html`<p part="label">${t('adviceLabel')}</p><p part="advice">${card.advice}</p>` : nothing}
      ${link ? html`<a part="link" href=${link} @click=${() => this.signal('next-step', { href: link })}>${card.link!.label}</a>` : nothing}
      ${cfg.feedback === false || status === 'loading'
        ? nothing
        : status === 'error'
          ? i === c.index ? loadError(this.i18n, () => this.faq.reload()) : nothing
          : answered
          ? html`<p part="feedback" class="muted" tabindex="-1">${t('feedbackThanks')}</p>`
          : html`<div part="feedback" role="group" aria-labelledby="helpful-${i}">
              <span id="helpful-${i}">${t('helpful')}</span>
              <button part="yes-button" type="button" ?disabled=${!!pending} @click=${() => this.answer(card, true)}>${t('yes')}</button>
              <button part="no-button" type="button" ?disabled=${!!pending} @click=${() => this.answer(card, false)}>${t('no')}</button>
            </div>`}
      ${error && pending === null && i === c.index && !answered ? html`<p part="error" role="alert">${errorText(this.i18n, error)}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const i18n = this.i18n;
    const { t } = i18n;
    const cfg = this.faq.config;
    if (!cfg) return this.invalid();
    const c = this.carousel;
    const total = c.total;
    if (c.index >= total) c.index = 0;
    const titles = [...cfg.cards.map((k) => k.title), cfg.closing?.text ?? ''];
    const { status } = this.faq.view;
    this.setStates({ loading: status === 'loading', ready: status === 'ready', error: status === 'error', rotating: c.rotating, first: c.index === 0, last: c.index === total - 1 });
    return html`<section part="base" aria-roledescription=${t('carousel')} aria-label=${cfg.label ? nothing : t('faqLabel')} aria-labelledby=${cfg.label ? 'heading' : nothing}
        @keydown=${c.key} @mouseenter=${() => c.hold(true)} @mouseleave=${() => c.hold(this.matches(':focus-within'))}
        @focusin=${() => c.hold(true)} @focusout=${(e: FocusEvent) => c.hold(this.renderRoot.contains(e.relatedTarget as Node))}>
      ${cfg.label ? heading(this, cfg.label) : nothing}
      <div part="controls">
        ${cfg.autoplay
          ? html`<button part="rotation-button" type="button" aria-label=${t(c.stopped ? 'startRotation' : 'stopRotation')}
              @click=${() => c.toggle()}><span aria-hidden="true">${c.stopped ? '▶' : '❚❚'}</span></button>`
          : nothing}
        <button part="previous-button" type="button" aria-controls="slides" aria-label=${t('previousCard')} @click=${() => c.go(c.index - 1)}>
          <span class="arrow" aria-hidden="true">‹</span>
        </button>
        <span part="position" aria-hidden="true">${i18n.number(c.index + 1)} / ${i18n.number(total)}</span>
        <button part="next-button" type="button" aria-controls="slides" aria-label=${t('nextCard')} @click=${() => c.go(c.index + 1)}>
          <span class="arrow" aria-hidden="true">›</span>
        </button>
      </div>
      <div part="slides" id="slides" @scroll=${c.scrolled}>
        ${cfg.cards.map((card, i) => this.card(card, i, cfg))}
        ${cfg.closing
          ? html`<div part="slide slide-closing${c.index === total - 1 ? ' slide-current' : ''}" id="card-${total - 1}" role="tabpanel"
              tabindex=${cfg.closing.nextStep ? nothing : 0} aria-label=${t('cardOf', { index: total, total })} ?inert=${c.index !== total - 1}>
              <p part="title" role="heading" aria-level=${levelBelow(this)}>${cfg.closing.text}</p>
              ${nextStepLink(this, cfg.closing.nextStep, cfg.id, (href) => this.faq.signal('next-step', { href }))}
            </div>`
          : nothing}
      </div>
      <div part="picker" role="tablist" aria-label=${t('cards')}>
        ${titles.slice(0, total).map(
          (title, i) => html`<button part="dot" type="button" role="tab" aria-label=${t('goTo', { index: i + 1, title })} aria-selected=${i === c.index ? 'true' : 'false'}
            tabindex=${i === c.index ? 0 : -1} aria-controls="card-${i}" @click=${() => c.go(i)}></button>`,
        )}
      </div>
      <p class="sr-only" role="status">${c.said}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-faq-carousel': KoloFaqCarousel;
  }
}
