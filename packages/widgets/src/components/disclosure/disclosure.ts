import { css, html, nothing, type PropertyDeclarations } from 'lit';
import { disclosureMessages, lightText, safeUrl, type MessageKey, type Parsed } from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { ContentController } from '../../base/widget-controller.ts';
import { infoToggled, popoverStyles, refocus } from '../../popover/popover.ts';
import { tokens } from '../../styles/tokens.ts';

const TYPES = ['ad', 'partner', 'sponsored', 'affiliate'] as const;
export type DisclosureType = (typeof TYPES)[number];

export interface DisclosureContent {
  type: DisclosureType;
  /** the author's explanation; the built-in one for the type when empty */
  about: string;
  link?: { label: string; href: string };
}

const parseDisclosure = (raw: unknown): Parsed<DisclosureContent> => {
  const c = raw as DisclosureContent;
  return TYPES.includes(c.type) ? { ok: true, value: c } : { ok: false, error: `type: must be ${TYPES.join(', ')}` };
};

/**
 * A small label that marks advertising and partnerships: "Ad", "Partner content", "Sponsored",
 * "Affiliate links". Its accessible name is the full text ("Ad (advertisement)"); a button opens a short
 * explanation of the relationship (the author's text inside the element, else a built-in one), with
 * an optional link (`a[href]` inside, e.g. the advertising policy). `plain` shows the label alone.
 *
 * @summary Advertising / partnership label with an explanation popover.
 * @tag kolo-disclosure
 *
 * @csspart base - The label (a button unless `plain`; also `label`), with its padding and border.
 * @csspart label - The label.
 * @csspart popover - The explanation.
 * @csspart link - The explanation's link.
 * @csspart error - Invalid content.
 *
 * @cssproperty --kolo-disclosure-color - The label's text and border (default: the text color).
 *
 * @cssstate ready - The label is shown.
 * @cssstate open - The explanation is open.
 * @cssstate invalid - The type is unknown; an error is shown instead.
 */
export class KoloDisclosure extends KoloElement {
  static override messageBundles = [disclosureMessages, ...KoloElement.messageBundles];
  static override styles = [
    tokens,
    popoverStyles,
    css`
      :host {
        display: inline-block;
        max-inline-size: none;
        vertical-align: middle;
      }
      [part~='base'] {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        min-block-size: 1.5rem;
        padding: 0.0625rem 0.5rem;
        border: 1px solid currentColor;
        border-radius: 0.25rem;
        background: var(--_surface);
        color: var(--kolo-disclosure-color, var(--_text));
        font-size: 0.8125rem;
        font-weight: 700;
        line-height: 1.2;
      }
      [part~='error'] {
        color: var(--_danger);
      }
      .info {
        display: inline-grid;
        place-items: center;
        inline-size: 1.1em;
        block-size: 1.1em;
        border: 1px solid currentColor;
        border-radius: 50%;
        font: italic 700 0.75em/1 Georgia, serif;
      }
      [part~='popover'] {
        font-size: 0.875rem;
        font-weight: 400;
      }
      [part~='popover'] p {
        margin: 0 0 0.5rem;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    type: { reflect: true },
    plain: { type: Boolean },
  };

  /** `ad` (default), `partner`, `sponsored` or `affiliate`. */
  declare type: DisclosureType;
  /** Show the label only, without the explanation. */
  declare plain: boolean;

  protected readonly widgetKind = 'disclosure';
  private readonly label = new ContentController<DisclosureContent>(this, { read: () => this.readContent(), parse: parseDisclosure });
  private open = false;

  constructor() {
    super();
    this.type = 'ad';
    this.plain = false;
  }

  private readContent(): unknown {
    const a = this.querySelector('a[href]');
    const copy = this.cloneNode(true) as Element;
    copy.querySelectorAll('a').forEach((x) => x.remove());
    return { type: this.type, about: lightText(copy), ...(a ? { link: { label: lightText(a), href: a.getAttribute('href') ?? '' } } : {}) };
  }


  protected override render() {
    const c = this.label.config;
    if (!c) return this.invalid();
    const { t } = this.i18n;
    this.setStates({ ready: true, open: this.open });
    // the visible label starts its accessible name; the rest is for screen readers ("Ad (advertisement)")
    const text = html`<span>${t(`${c.type}Short` as MessageKey)}</span><span class="sr-only">${t(`${c.type}More` as MessageKey)}</span>`;
    if (this.plain) return html`<span part="base label">${text}</span>`;
    const href = c.link && safeUrl(c.link.href)?.href;
    return html`<button part="base label" type="button" popovertarget="about" aria-expanded=${this.open ? 'true' : 'false'}>
        ${text}<span class="info" aria-hidden="true">i</span>
      </button>
      <div part="popover" id="about" popover @beforetoggle=${refocus} @toggle=${(e: ToggleEvent) => (this.open = infoToggled(this, e, '[part~="label"]'))}>
        <p>${c.about || t(`${c.type}About` as MessageKey)}</p>
        ${href ? html`<a part="link" href=${href}>${c.link!.label}</a>` : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-disclosure': KoloDisclosure;
  }
}
