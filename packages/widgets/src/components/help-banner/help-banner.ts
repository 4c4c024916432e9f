import { html, nothing, type PropertyDeclarations } from 'lit';
import { bannerMessages, hiddenUntil, hideFor, lightText, parseHelpBanner, pickRegion, unhide, type HelpBannerConfig, type NextStep } from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { ContentController } from '../../base/widget-controller.ts';
import { nextStepLink } from '../../base/parts.ts';
import { infoToggled, popoverStyles } from '../../popover/popover.ts';
import { focusAfterRender } from '../../base/focus.ts';
import { heading } from '../../base/heading.ts';
import { KoloDismissEvent } from '../../events/kolo-dismiss.ts';
import { tokens } from '../../styles/tokens.ts';
import { bannerStyles } from './help-banner.styles.ts';

const VISIT = ':visit';
const session = (): Storage | undefined => {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
};
const links = (list: Element | null): NextStep[] =>
  [...(list?.querySelectorAll('a[href]') ?? [])].map((a) => ({ label: lightText(a), href: a.getAttribute('href') ?? '' }));

/**
 * A responsible-help banner for sensitive topics (gambling, health, finance): a visible disclaimer,
 * help lines for the person's region, self-control tools, and a "why am I seeing this?" popover.
 * Calm by design: no animation, high contrast in both themes, nothing that urges anyone on.
 *
 * The region is the `region` attribute if the banner has it; else the first region serving the
 * page's language, then the person's browser languages; else the default region. With `dismissible`,
 * a person may close it for this visit or hide it for `snooze-days` (30 by default); a region marked
 * `required` (by regulation) can never be hidden. `placement="sticky"` keeps it at the bottom of the
 * window, scrolling the page so that it never covers the element that has focus.
 *
 * Author in HTML: an optional heading; `p[data-disclaimer]` (or the first paragraph); `[data-why]`;
 * one list per region, `ul[data-region="ua"]` with `data-label`, `data-langs="uk"`, `data-default`,
 * `data-required`, holding links to help lines; `ul[data-tools]` with links to limits, time-out,
 * self-exclusion. Or set `.config` (see `HelpBannerConfig`).
 *
 * @summary Responsible-help banner with region-aware contacts, tools and snooze rules.
 * @tag kolo-help-banner
 *
 * @event kolo-dismiss - Before the banner is hidden; cancelable. `detail: { id, until }` (`until` null: this visit only).
 * @event kolo-next-step - A help line or tool link was followed; cancelable. `detail: { id, href }`.
 *
 * @csspart base - The banner, the card (padding, border, radius, background, color, type; a page CSS reset cannot strip them): restyle it here.
 * @csspart heading - The heading.
 * @csspart disclaimer - The disclaimer.
 * @csspart help - Help lines with their heading.
 * @csspart contacts - The list of help lines.
 * @csspart contact - A help line link.
 * @csspart tools - The list of self-control tools.
 * @csspart tool - A tool link.
 * @csspart actions - The row of buttons.
 * @csspart why-button - Opens "why am I seeing this?".
 * @csspart popover - The explanation.
 * @csspart close-button - Closes it for this visit.
 * @csspart snooze-button - Hides it for some days.
 * @csspart hidden - The line shown after hiding it, with "show it again".
 * @csspart show-button - Shows it again.
 * @csspart error - Invalid content.
 *
 * @cssproperty --kolo-banner-accent - The banner's edge (default: the accent color).
 * @cssproperty --kolo-color-surface - Background.
 * @cssproperty --kolo-color-text - Text color.
 *
 * @cssstate ready - The content is valid and shown (or hidden by the person).
 * @cssstate hidden - The person hid it.
 * @cssstate absent - Hidden on an earlier page view: it renders nothing and takes no space (`display: none`).
 * @cssstate required - It cannot be hidden here.
 * @cssstate open - The explanation is open.
 * @cssstate invalid - The content is invalid; an error is shown instead.
 */
export class KoloHelpBanner extends KoloElement {
  static override messageBundles = [bannerMessages, ...KoloElement.messageBundles];
  static override styles = [tokens, popoverStyles, bannerStyles];
  static override properties: PropertyDeclarations = {
    bannerId: { attribute: 'banner-id' },
    region: {},
    dismissible: { type: Boolean },
    snoozeDays: { type: Number, attribute: 'snooze-days' },
    placement: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    config: { type: Object },
  };

  /** The banner's id: hiding is remembered per id. */
  declare bannerId: string;
  /** The region whose contacts to show (`ua`, `gb`); by default chosen from the languages. */
  declare region: string | undefined;
  /** People may close it for a visit or hide it for some days (not where a region requires it). */
  declare dismissible: boolean;
  /** Days a hidden banner stays hidden (1–365, default 30). */
  declare snoozeDays: number | undefined;
  /** `inline` (default) or `sticky` (kept at the bottom of the window). */
  declare placement: 'inline' | 'sticky' | undefined;
  /** The level (1–6) of the heading: by default that of the heading written in the HTML (`<h3>` → 3), else 2; set it when the content comes from `.config`. */
  declare headingLevel: number | undefined;
  /** The whole banner as an object; replaces the HTML content and attributes. */
  declare config: Partial<HelpBannerConfig> | undefined;

  protected readonly widgetKind = 'help-banner';
  private readonly banner = new ContentController<HelpBannerConfig>(this, { read: () => this.readConfig(), parse: parseHelpBanner });
  /** until when it was hidden in this page view (`visit` when closed for the visit) */
  private hiddenNow = '';
  private open = false;

  constructor() {
    super();
    this.bannerId = '';
    this.dismissible = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('focusin', this.unobscure);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('focusin', this.unobscure);
  }

  private readConfig(): unknown {
    const own = {
      id: this.bannerId || undefined,
      ...(this.dismissible ? { dismissible: true } : {}),
      ...(this.snoozeDays ? { snoozeDays: this.snoozeDays } : {}),
    };
    if (this.config) return { ...own, ...this.config };
    const heading = [...this.children].find((k) => k.matches('h1, h2, h3, h4, h5, h6'));
    const disclaimer = this.querySelector('[data-disclaimer]') ?? this.querySelector(':scope > p:not([data-why])');
    const why = this.querySelector('[data-why]');
    const tools = this.querySelector('[data-tools]');
    return {
      ...own,
      ...(heading ? { heading: lightText(heading) } : {}),
      disclaimer: disclaimer ? lightText(disclaimer) : '',
      ...(why ? { why: lightText(why) } : {}),
      regions: [...this.querySelectorAll('[data-region]')].map((r) => ({
        id: r.getAttribute('data-region'),
        ...(r.getAttribute('data-label') ? { label: r.getAttribute('data-label') } : {}),
        ...(r.getAttribute('data-langs') ? { langs: r.getAttribute('data-langs')!.split(/\s+/).filter(Boolean) } : {}),
        ...(r.hasAttribute('data-default') ? { default: true } : {}),
        ...(r.hasAttribute('data-required') ? { required: true } : {}),
        contacts: links(r),
      })),
      ...(tools ? { tools: links(tools) } : {}),
    };
  }

  private hide(cfg: HelpBannerConfig, days: number | null): void {
    const now = Date.now();
    const until = days ? new Date(now + days * 864e5).toISOString() : null;
    if (!this.dispatchEvent(new KoloDismissEvent({ id: cfg.id, until }))) return;
    const visit = session();
    if (days) this.hiddenNow = hideFor(cfg.id, days, now);
    else {
      // closed for this visit: the tab's session storage forgets it when the visit ends
      if (visit) hideFor(cfg.id + VISIT, 1, now, visit);
      this.hiddenNow = VISIT;
    }
    this.signal(days ? 'snooze' : 'dismiss', days ? { days } : undefined);
    this.requestUpdate();
    focusAfterRender(this, '[part~="show-button"]');
  }

  private readonly showAgain = (): void => {
    const id = this.banner.config!.id;
    unhide(id);
    const s = session();
    if (s) unhide(id + VISIT, s);
    this.hiddenNow = '';
    this.requestUpdate();
    focusAfterRender(this, '[part~="heading"]');
  };

  /** A sticky banner never covers the focused element: scroll it into the free part of the window. */
  private readonly unobscure = (e: FocusEvent): void => {
    if (this.placement !== 'sticky' || this.contains(e.target as Node) || e.target === this) return;
    const target = (e.composedPath()[0] as Element | undefined)?.getBoundingClientRect?.();
    const bar = this.getBoundingClientRect();
    if (target && target.bottom > bar.top && target.top < bar.bottom) scrollBy({ top: target.bottom - bar.top + 8, behavior: 'instant' });
  };

  protected override render() {
    const cfg = this.banner.config;
    if (!cfg) return this.invalid();
    const i18n = this.i18n;
    const { t } = i18n;
    const region = pickRegion(cfg, this.region, [this.langTag, ...(globalThis.navigator?.languages ?? [])]);
    const required = !!region.required;
    const hideable = !!cfg.dismissible && !required;
    const until = hideable ? this.hiddenNow || hiddenUntil(cfg.id) || (session() && hiddenUntil(cfg.id + VISIT, Date.now(), session()) && VISIT) : '';
    // hidden on an earlier page view: nothing to show, and no box (no strip of margins or gaps)
    this.setStates({ ready: true, hidden: !!until, absent: !!until && !this.hiddenNow, required, open: this.open });
    if (until) {
      return this.hiddenNow
        ? html`<p part="hidden" role="status" class="muted">
            ${until === VISIT ? t('hiddenNow') : t('hiddenUntil', { date: i18n.date(until) })}
            <button part="show-button" type="button" @click=${this.showAgain}>${t('showAgain')}</button>
          </p>`
        : nothing;
    }
    const days = cfg.snoozeDays ?? 30;
    const link = (step: NextStep, part: string) => html`<li>${nextStepLink(this, step, cfg.id, (href) => this.signal('next-step', { href, part }), part)}</li>`;
    return html`<section part="base" aria-labelledby="heading">
      ${heading(this, cfg.heading ?? t('helpHeading'))}
      <p part="disclaimer">${cfg.disclaimer}</p>
      <div part="help">
        <p id="help" class="label">${region.label ? t('helpIn', { region: region.label }) : t('helpLines')}</p>
        <ul part="contacts" aria-labelledby="help">${region.contacts.map((c) => link(c, 'contact'))}</ul>
      </div>
      ${cfg.tools?.length
        ? html`<div>
            <p id="tools" class="label">${t('tools')}</p>
            <ul part="tools" aria-labelledby="tools">${cfg.tools.map((c) => link(c, 'tool'))}</ul>
          </div>`
        : nothing}
      <div part="actions">
        <button part="why-button" class="link" type="button" popovertarget="why" aria-expanded=${this.open ? 'true' : 'false'}>${t('whyShown')}</button>
        ${hideable
          ? html`<button part="close-button" type="button" @click=${() => this.hide(cfg, null)}>${t('close')}</button>
              <button part="snooze-button" type="button" @click=${() => this.hide(cfg, days)}>${t('snooze', { count: days })}</button>`
          : nothing}
      </div>
      <div part="popover" id="why" popover role="note" aria-label=${t('whyShown')} @toggle=${(e: ToggleEvent) => (this.open = infoToggled(this, e, '[part~="why-button"]'))}>${cfg.why ?? t('whyDefault')}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-help-banner': KoloHelpBanner;
  }
}
