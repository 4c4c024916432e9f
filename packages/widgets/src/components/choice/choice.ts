import { html, nothing, type PropertyDeclarations } from 'lit';
import { choicePolicy, parseChoiceConfig, readChoice, resultRows, type ChoiceConfig, choiceMessages, voteMessages } from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { levelOf } from '../../base/heading.ts';
import { resultOf, tallyFooter } from '../../voting/tally-parts.ts';
import { optionParts } from '../../base/parts.ts';
import { TallyController } from '../../voting/tally-controller.ts';
import { tokens } from '../../styles/tokens.ts';
import { tallyStyles } from '../../voting/tally.styles.ts';
import { choiceStyles } from './choice.styles.ts';

/** The radio's `change` stays in the shadow root: the host says it as a native control does (Lit calls listeners on the host). */
function changed(this: HTMLElement): void {
  this.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * An A/B scenario choice: two (up to four) scenarios side by side, stacked on narrow screens;
 * choosing one shows the split.
 *
 * Author it in HTML: the first heading (or `[data-question]`) is the question, shown as a heading of the level the author wrote (`<h3>` → 3; else `heading-level`, default 2); each `article` (or
 * `[data-value]` child) is a scenario, with its first heading as title, first paragraph as text and
 * first `img` as picture (its `alt` is required, empty only when decorative); `a[data-next-step]`
 * is the call to action. Or set `.config` (see `ChoiceConfig`).
 *
 * It is form-associated: with a `name`, it adds the person's choice to the surrounding form. Its
 * `value` (property or attribute) is the picked scenario's id: setting it picks that scenario, and a
 * person's pick fires `input` and `change`, so `v-model` (Vue) and controlled state (React) work.
 *
 * @summary Choose between scenarios A and B and see the split.
 * @tag kolo-choice
 *
 * @event {Event} input - The person picked a scenario (`value` is its id).
 * @event {Event} change - The person picked a scenario (`value` is its id).
 * @event kolo-vote - Before the choice is sent; cancelable. `detail: { id, choices, previous }`.
 * @event kolo-change - After the results change (choice accepted or live update). `detail: { id, tally, source }`.
 * @event kolo-next-step - The next-step link was followed; cancelable. `detail: { id, href }`.
 *
 * @csspart base - The wrapper of everything, the card (padding, border, radius, background, color, type; a page CSS reset cannot strip them): restyle it here.
 * @csspart group - The fieldset of the question and its scenarios.
 * @csspart question - The question; also `legend` (it is the fieldset's legend, and holds the question as a heading).
 * @csspart options - The scenarios.
 * @csspart option - One scenario card; also `option-selected` (chosen, not sent yet), `option-mine` (this person's vote),
 *   `option-leading` (most votes) and `value-<id>` (its id, characters other than letters, digits, `-`, `_` as `_`: `value-a`).
 * @csspart input - The radio button of a scenario.
 * @csspart image - A scenario's picture.
 * @csspart title - A scenario's title.
 * @csspart text - A scenario's text.
 * @csspart result - A scenario's percentage and count.
 * @csspart percent - The percentage.
 * @csspart count - The number of votes.
 * @csspart bar - A scenario's bar track.
 * @csspart bar-fill - The filled part of a bar.
 * @csspart split - The two-sided meter (two scenarios only).
 * @csspart split-a - The first scenario's share of the meter.
 * @csspart actions - The buttons and the total.
 * @csspart vote-button - "Choose".
 * @csspart change-button - "Change my vote".
 * @csspart cancel-button - Cancels changing.
 * @csspart total - The number of votes.
 * @csspart meta - The closing date.
 * @csspart status - The polite live region.
 * @csspart error - An error message.
 * @csspart retry-button - Loads again after a failure.
 * @csspart next-step - The call-to-action link.
 *
 * @cssproperty --kolo-choice-bar-color - Fill of the bars and the meter (default: the accent color).
 * @cssproperty --kolo-color-accent - Accent color.
 *
 * @cssstate loading - Loading.
 * @cssstate ready - Loaded.
 * @cssstate error - Loading failed.
 * @cssstate invalid - The content is invalid.
 * @cssstate voted - This person has chosen.
 * @cssstate closed - Closed.
 * @cssstate results - Results are visible.
 * @cssstate pending - The choice is being sent.
 * @cssstate changing - This person is changing their choice.
 */
export class KoloChoice extends KoloElement {
  static formAssociated = true;
  static override messageBundles = [choiceMessages, voteMessages, ...KoloElement.messageBundles];
  static override styles = [tokens, tallyStyles, choiceStyles];
  static override properties: PropertyDeclarations = {
    choiceId: { attribute: 'choice-id' },
    name: { reflect: true },
    results: {},
    closes: {},
    allowChange: { type: Boolean, attribute: 'allow-change' },
    signature: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    config: { type: Object },
    value: { noAccessor: true },
  };

  /** The choice's id, unique among the site's choices. */
  declare choiceId: string;
  /** The form field name, when inside a form. */
  declare name: string | undefined;
  /** When results are shown: `after-vote` (default), `always` or `never`. */
  declare results: 'after-vote' | 'always' | 'never' | undefined;
  /** Closing date-time (ISO). */
  declare closes: string | undefined;
  /** Let a person change their choice. */
  declare allowChange: boolean;
  /** The site's signature of the choice's definition (`signWidgets` in `@kolo/server`): a server registers a signed choice on its first vote. */
  declare signature: string | undefined;
  /** The level (1–6) of the question's heading: by default that of the heading written in the HTML (`<h3>` → 3), else 2; set it when the content comes from `.config`. */
  declare headingLevel: number | undefined;
  /** The whole choice as an object; replaces the HTML content and attributes. */
  declare config: Partial<ChoiceConfig> | undefined;

  protected readonly widgetKind = 'choice';
  private readonly tally: TallyController<ChoiceConfig> = new TallyController<ChoiceConfig>(this, {
    kind: this.widgetKind,
    read: () => readChoice(this, this),
    parse: parseChoiceConfig,
    policy: choicePolicy,
    ...this.hooks(),
  });

  constructor() {
    super();
    this.choiceId = '';
    this.allowChange = false;
  }

  /**
   * The person's choice (sent or just picked), as submitted with a form: a scenario's id, or `''`.
   * Setting it picks that scenario (`''` picks none); an id that is not a scenario is ignored.
   */
  get value(): string {
    return this.tally.selected[0] ?? this.tally.view.tally.mine[0] ?? '';
  }

  set value(value: string) {
    if (value && !this.known([value]).length) return;
    this.tally.selected = value ? [value] : [];
    this.requestUpdate();
  }

  /** Those of `ids` that are scenarios of the content (all of them before it is read). */
  private known(ids: string[]): string[] {
    const cfg = this.tally.config;
    return ids.filter((id) => !cfg || cfg.options.some((o) => o.id === id));
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }


  protected override updated(): void {
    this.internals.setFormValue(this.value || null);
  }

  protected override render() {
    const i18n = this.i18n;
    const cfg = this.tally.config;
    if (!cfg) return this.invalid();
    // a value set before the content was read that names no scenario is dropped
    this.tally.selected = this.known(this.tally.selected);
    const s = this.tally.formState(cfg);
    this.setStates(s.states);
    const rows = resultRows(
      cfg.options.map((o) => ({ id: o.id, label: o.title })),
      s.tally,
    );

    return html`
      <form part="base" @submit=${(e: Event) => this.tally.submit(e, 'choiceThanks')} aria-busy=${s.status === 'loading' ? 'true' : 'false'} novalidate>
        <fieldset part="group" tabindex="-1" ?disabled=${s.pending || (s.showForm && !s.ready)}>
          <legend part="question legend"><span role="heading" aria-level=${levelOf(this)}>${cfg.question}</span></legend>
          <div part="options">
            ${cfg.options.map((o, i) => {
              const row = rows[i]!;
              const picked = s.selected.includes(o.id);
              const parts = optionParts('option', o.id, { mine: row.mine, leading: s.showResults && row.leading, selected: s.showForm && picked });
              const content = html`
                ${o.image ? html`<img part="image" src=${o.image.src} alt=${o.image.alt} loading="lazy" />` : nothing}
                <span part="title"
                  >${s.showForm
                    ? html`<input part="input" type="radio" name="choice" .value=${o.id} .checked=${picked} @input=${this.tally.pick} @change=${changed} />`
                    : nothing}${o.title}</span
                >
                ${o.text ? html`<span part="text">${o.text}</span>` : nothing} ${s.showResults ? resultOf(i18n, row) : nothing}
              `;
              return s.showForm ? html`<label part=${parts}>${content}</label>` : html`<div part=${parts}>${content}</div>`;
            })}
          </div>
          ${s.showResults && rows.length === 2 && s.tally.voters
            ? html`<div part="split" aria-hidden="true"><span part="split-a" .style=${`inline-size:${rows[0]!.percent}%`}></span></div>`
            : nothing}
        </fieldset>
        ${tallyFooter(this, i18n, this.tally, cfg, s, { vote: 'choose', total: i18n.t('votes', { count: s.tally.voters }) })}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-choice': KoloChoice;
  }
}
