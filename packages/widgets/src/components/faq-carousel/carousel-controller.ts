import type { ReactiveController } from 'lit';
import type { FaqConfig, SignalType } from '@kolo/core';
import type { KoloElement } from '../../base/kolo-element.ts';
import { KoloSlideEvent } from '../../events/kolo-slide.ts';
import { focusAfterRender } from '../../base/focus.ts';

export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Which card a carousel shows and how it gets there: buttons, arrow keys, swipes (the scroll-snap
 * track), `#<carousel-id>/<card-id>` deep links, and automatic rotation, which pauses while the
 * carousel is hovered or focused and does not start by itself when reduced motion is asked for.
 */
export class CarouselController implements ReactiveController {
  /** the card shown */
  index = 0;
  /** what the polite live region says */
  said = '';
  /** rotation stopped with the button (or by reduced motion) */
  stopped = false;
  /** the card a button or key asked for, while the track scrolls to it */
  private target?: number;
  private held = false;
  private timer?: ReturnType<typeof setInterval>;
  private moved = false;

  constructor(
    private readonly host: KoloElement,
    private readonly config: () => FaqConfig | undefined,
    private readonly signal: (type: SignalType) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('hashchange', this.fromHash);
    this.stopped = reducedMotion();
    void this.host.updateComplete.then(() => this.fromHash());
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.fromHash);
    clearInterval(this.timer);
    this.timer = undefined;
  }

  hostUpdated(): void {
    this.rotate();
  }

  /** The cards, the closing card included. */
  get total(): number {
    const cfg = this.config();
    return cfg ? cfg.cards.length + (cfg.closing ? 1 : 0) : 0;
  }

  private get track(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[part~="slides"]');
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
    const cfg = this.config()!;
    this.said = this.rotating ? '' : this.host.i18n.t('cardOf', { index: index + 1, total: this.total });
    if (byPerson && !this.moved) {
      this.moved = true;
      this.signal('interact');
    }
    this.host.dispatchEvent(new KoloSlideEvent({ id: cfg.id, card: cfg.cards[index]?.id ?? 'closing', index }));
    this.host.requestUpdate();
  }

  /** A swipe or a scroll of the track: the card that snapped into view is the current one. */
  readonly scrolled = (): void => {
    const track = this.track;
    if (!track?.clientWidth) return;
    const index = Math.round(Math.abs(track.scrollLeft) / track.clientWidth);
    if (this.target !== undefined) {
      if (index !== this.target) return;
      this.target = undefined;
    }
    this.show(Math.min(index, this.total - 1), !this.rotating);
  };

  /** Arrows (mirrored right to left), Home and End anywhere in the carousel; on the picker (one Tab stop), focus follows. */
  readonly key = (e: KeyboardEvent): void => {
    const on = e.target as Element;
    if (on.matches('input, textarea, select')) return;
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (step) this.go(this.index + (this.rtl ? -step : step));
    else if (e.key === 'Home') this.go(0);
    else if (e.key === 'End') this.go(this.total - 1);
    else return;
    e.preventDefault();
    if (on.matches('[role=tab]')) focusAfterRender(this.host, '[role=tab][tabindex="0"]');
  };

  private readonly fromHash = (): void => {
    const cfg = this.config();
    const [id, card] = decodeURIComponent(location.hash.slice(1)).split('/');
    const i = cfg && id === cfg.id ? cfg.cards.findIndex((c) => c.id === card) : -1;
    if (i < 0) return;
    this.go(i, false, false);
    this.host.scrollIntoView({ block: 'start' });
  };

  get rotating(): boolean {
    return !!this.config()?.autoplay && !this.stopped && !this.held;
  }

  /** Rotate while autoplay is on and nobody paused, hovers or focuses the carousel. */
  private rotate(): void {
    const seconds = this.config()?.autoplay;
    const on = this.rotating && this.host.isConnected;
    if (on && !this.timer) this.timer = setInterval(() => this.go(this.index + 1, undefined, false), seconds! * 1000);
    if (!on && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Hovered or focused (`true`): rotation waits. */
  hold(held: boolean): void {
    if (held === this.held) return;
    this.held = held;
    this.host.requestUpdate();
  }

  /** The rotation button: stop or start again. */
  toggle(): void {
    this.stopped = !this.stopped;
    this.host.requestUpdate();
  }
}
