import { html, nothing, type PropertyDeclarations } from 'lit';
import {
  countOf,
  emojiName,
  parseReactionsConfig,
  reactionsMessages,
  reactionsPolicy,
  readReactions,
  type Reaction,
  type ReactionsConfig,
} from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { followAnchor, popoverStyles, refocus } from '../../popover/popover.ts';
import { focusAfterRender } from '../../base/focus.ts';
import { errorText, loadError, nextStepLink, optionParts } from '../../base/parts.ts';
import { TallyController } from '../../voting/tally-controller.ts';
import { tokens } from '../../styles/tokens.ts';
import { reactionsStyles } from './reactions.styles.ts';

/**
 * Answer with an emoji: a row of reactions with counts; one reaction per person (click again to
 * remove it, another to switch), and a "more" popover with a larger set.
 *
 * Choose the sets with `reactions` and `more` (space-separated emoji; built-in emoji have names in
 * English and Ukrainian; without `more`, a built-in larger set), or author them as lists: the first
 * `ul` holds the row, a second `ul` the larger set (none without it), each `li` with `data-emoji`,
 * an optional `data-value` id and its name as text.
 *
 * @summary Emoji reactions with counts and a picker.
 * @tag kolo-reactions
 *
 * @event kolo-vote - Before a reaction is sent (`choices` is empty when removing); cancelable.
 * @event kolo-change - After the counts change (own reaction accepted or live update).
 * @event kolo-next-step - The next-step link was followed; cancelable.
 *
 * @csspart base - The group of everything, the card (padding, border, radius, background, color, type; a page CSS reset cannot strip them): restyle it here.
 * @csspart reactions - The row of reactions.
 * @csspart reaction - A reaction button; also `reaction-mine` for this person's, and `value-<id>` (its id, characters
 *   other than letters, digits, `-`, `_` as `_`: `value-heart`).
 * @csspart count - A reaction's count.
 * @csspart more-button - Opens the larger set.
 * @csspart popover - The larger set's popover.
 * @csspart picker - The list inside the popover.
 * @csspart pick - A reaction in the popover; also `pick-mine` for this person's, and `value-<id>`.
 * @csspart status - The polite live region.
 * @csspart error - An error message.
 * @csspart retry-button - Loads again after a failure.
 * @csspart next-step - The call-to-action link.
 *
 * @cssproperty --kolo-color-accent - Marks this person's reaction.
 *
 * @cssstate loading - Loading.
 * @cssstate ready - Loaded.
 * @cssstate error - Loading failed.
 * @cssstate invalid - The content is invalid.
 * @cssstate voted - This person has reacted.
 * @cssstate pending - A reaction is being sent.
 * @cssstate open - The popover is open.
 */
export class KoloReactions extends KoloElement {
  static override messageBundles = [reactionsMessages, ...KoloElement.messageBundles];
  static override styles = [tokens, popoverStyles, reactionsStyles];
  static override properties: PropertyDeclarations = {
    reactionsId: { attribute: 'reactions-id' },
    label: {},
    reactions: {},
    more: {},
    signature: {},
    config: { type: Object },
    open: { state: true },
  };

  /** The id of what is reacted to, unique on the site (e.g. the post's id). */
  declare reactionsId: string;
  /** What the reactions are about, for screen readers ("React to this post"). */
  declare label: string | undefined;
  /** The row: space-separated emoji. */
  declare reactions: string | undefined;
  /** The larger set in the popover: space-separated emoji; `""` for none. */
  declare more: string | undefined;
  /** The site's signature of the reactions widget's definition (`signWidgets` in `@kolo/server`): a server registers signed reactions on its first reaction. */
  declare signature: string | undefined;
  /** The whole widget as an object; replaces the HTML content and attributes. */
  declare config: Partial<ReactionsConfig> | undefined;
  declare private open: boolean;

  protected readonly widgetKind = 'reactions';
  private readonly tally: TallyController<ReactionsConfig> = new TallyController<ReactionsConfig>(this, {
    kind: this.widgetKind,
    read: () => readReactions(this, this),
    parse: parseReactionsConfig,
    policy: reactionsPolicy,
    ...this.hooks(),
  });
  private stopPositioning?: () => void;

  constructor() {
    super();
    this.reactionsId = '';
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPositioning?.();
  }

  private name(r: Reaction): string {
    return r.label ?? emojiName(r.emoji, this.i18n.lang);
  }

  private async react(r: Reaction, fromPicker = false): Promise<void> {
    const { t } = this.i18n;
    const removing = this.tally.view.tally.mine.includes(r.id);
    this.signal('interact', { reaction: r.id });
    if (fromPicker) this.renderRoot.querySelector<HTMLElement>('[part~="popover"]')?.hidePopover();
    const ok = await this.tally.vote(removing ? [] : [r.id]);
    this.tally.announcement = ok ? (removing ? t('reactionRemoved') : t('reacted', { name: this.name(r) })) : '';
    this.requestUpdate();
    if (fromPicker) focusAfterRender(this, `[data-id="${CSS.escape(r.id)}"]`);
  }

  /** Place the popover by its button (flipping at the viewport edge) while it is open (`refocus` returns focus when it closes). */
  private async toggled(e: ToggleEvent): Promise<void> {
    const popover = e.target as HTMLElement;
    this.open = e.newState === 'open';
    this.stopPositioning?.();
    this.stopPositioning = undefined;
    if (!this.open) return;
    const stop = await followAnchor(this.renderRoot.querySelector<HTMLElement>('[part~="more-button"]')!, popover);
    if (!popover.matches(':popover-open')) return stop();
    this.stopPositioning = stop;
    popover.querySelector<HTMLElement>('[aria-pressed="true"], button')?.focus();
  }

  /** A reaction's button: in the row (with its count) or in the picker. */
  private button(r: Reaction, picker: boolean) {
    const i18n = this.i18n;
    const { tally, status, pending } = this.tally.view;
    const mine = tally.mine[0];
    const count = countOf(tally.counts, r.id);
    return html`<button
      part=${optionParts(picker ? 'pick' : 'reaction', r.id, { mine: r.id === mine })}
      type="button"
      data-id=${picker ? nothing : r.id}
      aria-pressed=${r.id === mine ? 'true' : 'false'}
      aria-label=${picker ? this.name(r) : i18n.t('reactionLabel', { name: this.name(r), count })}
      title=${this.name(r)}
      ?disabled=${status !== 'ready' || pending}
      @click=${() => this.react(r, picker)}
    >
      <span class="glyph" aria-hidden="true">${r.emoji}</span>${picker || !count
        ? nothing
        : html`<span part="count" aria-hidden="true">${i18n.number(count)}</span>`}
    </button>`;
  }

  protected override render() {
    const i18n = this.i18n;
    const { t } = i18n;
    const cfg = this.tally.config;
    if (!cfg) return this.invalid();
    const { view, announcement } = this.tally;
    const { tally, status, pending, error } = view;
    const ready = status === 'ready';
    const mine = tally.mine[0];
    this.setStates({ loading: status === 'loading', ready, error: status === 'error', voted: !!mine, pending, open: this.open });
    const more = cfg.more ?? [];
    const row = [...cfg.reactions, ...more.filter((r) => countOf(tally.counts, r.id) > 0 || r.id === mine)];

    return html`
      <div part="base" role="group" aria-label=${cfg.label ?? t('reactionsLabel')} aria-busy=${status === 'loading' ? 'true' : 'false'}>
        <ul part="reactions" role="list">
          ${row.map((r) => html`<li>${this.button(r, false)}</li>`)}
          ${more.length
            ? html`<li>
                <button
                  part="more-button"
                 
                  type="button"
                  popovertarget="more"
                  aria-expanded=${this.open ? 'true' : 'false'}
                  aria-label=${t('moreReactions')}
                  ?disabled=${!ready}
                >
                  <span class="glyph" aria-hidden="true">+</span>
                </button>
              </li>`
            : nothing}
        </ul>
        ${more.length
          ? html`<div part="popover" id="more" popover role="dialog" aria-label=${t('moreReactions')} @beforetoggle=${refocus} @toggle=${this.toggled}>
              <ul part="picker" role="list">
                ${more.map((r) => html`<li>${this.button(r, true)}</li>`)}
              </ul>
            </div>`
          : nothing}
        ${status === 'loading' ? html`<p class="sr-only">${t('loading')}</p>` : nothing}
        ${status === 'error' ? loadError(i18n, () => this.tally.reload()) : nothing}
        ${ready && error ? html`<p part="error" role="alert">${errorText(i18n, error)}</p>` : nothing}
        <p part="status" role="status" class=${tally.queued ? 'muted' : 'sr-only'}>${tally.queued ? t('queued') : announcement}</p>
        ${mine ? nextStepLink(this, cfg.nextStep, cfg.id, (href) => this.signal('next-step', { href })) : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-reactions': KoloReactions;
  }
}
