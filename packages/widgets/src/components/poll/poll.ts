import { html, nothing, type PropertyDeclarations } from 'lit';
import { parsePollConfig, pollPolicy, readPoll, resultRows, type PollConfig, pollMessages, voteMessages } from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { levelOf } from '../../base/heading.ts';
import { resultOf, tallyFooter } from '../../voting/tally-parts.ts';
import { optionParts } from '../../base/parts.ts';
import { TallyController } from '../../voting/tally-controller.ts';
import { tokens } from '../../styles/tokens.ts';
import { tallyStyles } from '../../voting/tally.styles.ts';
import { pollStyles } from './poll.styles.ts';

/**
 * A poll: one question, single or multiple choice, results as bars with counts and percentages.
 *
 * Author it in HTML so the question is readable before the script runs: the first heading (or
 * `[data-question]`) is the question, shown as a heading of the level the author wrote (`<h3>` → 3; else `heading-level`, default 2), the first other paragraph a description, each `li` of the first
 * list an option (`data-value` is its id), and `a[data-next-step]` the call to action after voting.
 * Or set `.config` to an object of the same shape (see `PollConfig`).
 *
 * @summary Single or multiple-choice poll with live result bars.
 * @tag kolo-poll
 *
 * @event kolo-vote - Before a vote is sent; cancelable. `detail: { id, choices, previous }`.
 * @event kolo-change - After the results change (vote accepted or live update). `detail: { id, tally, source }`.
 * @event kolo-next-step - The next-step link was followed; cancelable. `detail: { id, href }`.
 *
 * @csspart base - The wrapper of everything, the card (padding, border, radius, background, color, type; a page CSS reset cannot strip them): restyle it here.
 * @csspart group - The fieldset of the question and its options.
 * @csspart question - The question; also `legend` (it is the fieldset's legend, and holds the question as a heading).
 * @csspart description - The optional description.
 * @csspart hint - How many answers to choose.
 * @csspart options - The list of options.
 * @csspart option - One option; also `option-selected` (chosen, not sent yet), `option-mine` (this person's vote),
 *   `option-leading` (most votes) and `value-<id>` (its id, characters other than letters, digits, `-`, `_` as `_`: `value-yes`).
 * @csspart label - An option's label (holds the input while voting).
 * @csspart input - The radio button or checkbox.
 * @csspart result - An option's percentage and count.
 * @csspart percent - The percentage.
 * @csspart count - The number of votes.
 * @csspart bar - The bar's track.
 * @csspart bar-fill - The filled part of the bar.
 * @csspart actions - The row of buttons and the total.
 * @csspart vote-button - The vote button.
 * @csspart change-button - "Change my vote".
 * @csspart cancel-button - Cancels changing the vote.
 * @csspart total - The number of votes (or voters).
 * @csspart meta - The closing date.
 * @csspart status - The polite live region that confirms a vote.
 * @csspart error - An error message (load failure, refused vote, invalid content).
 * @csspart retry-button - Loads again after a failure.
 * @csspart next-step - The call-to-action link.
 *
 * @cssproperty --kolo-poll-bar-color - The fill of the result bars (default: the accent color).
 * @cssproperty --kolo-color-accent - Accent color (buttons, bars, focus ring).
 * @cssproperty --kolo-color-surface - Background.
 * @cssproperty --kolo-color-text - Text color.
 * @cssproperty --kolo-radius - Corner radius.
 *
 * @cssstate loading - The results are loading.
 * @cssstate ready - Loaded.
 * @cssstate error - Loading failed.
 * @cssstate invalid - The content is invalid; an error is shown instead.
 * @cssstate voted - This person has voted.
 * @cssstate closed - The poll has closed.
 * @cssstate results - The results are visible.
 * @cssstate pending - A vote is being sent.
 * @cssstate changing - This person is changing their vote.
 */
export class KoloPoll extends KoloElement {
  static override messageBundles = [pollMessages, voteMessages, ...KoloElement.messageBundles];
  static override styles = [tokens, tallyStyles, pollStyles];
  static override properties: PropertyDeclarations = {
    pollId: { attribute: 'poll-id' },
    multiple: { type: Boolean },
    maxChoices: { type: Number, attribute: 'max-choices' },
    results: {},
    closes: {},
    allowChange: { type: Boolean, attribute: 'allow-change' },
    signature: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    config: { type: Object },
  };

  /** The poll's id, unique among the site's polls. */
  declare pollId: string;
  /** Allow more than one answer. */
  declare multiple: boolean;
  /** With `multiple`: the most answers one person may choose. */
  declare maxChoices: number | undefined;
  /** When results are shown: `after-vote` (default), `always` or `never`. */
  declare results: 'after-vote' | 'always' | 'never' | undefined;
  /** Closing date-time (ISO, e.g. `2026-12-31T18:00:00Z`); after it the poll shows its results. */
  declare closes: string | undefined;
  /** Let a person change their vote. */
  declare allowChange: boolean;
  /** The site's signature of the poll's definition (`signWidgets` in `@kolo/server`): a server registers a signed poll on its first vote. */
  declare signature: string | undefined;
  /** The level (1–6) of the question's heading: by default that of the heading written in the HTML (`<h3>` → 3), else 2; set it when the content comes from `.config`. */
  declare headingLevel: number | undefined;
  /** The whole poll as an object; replaces the HTML content and attributes. */
  declare config: Partial<PollConfig> | undefined;

  protected readonly widgetKind = 'poll';
  private readonly tally: TallyController<PollConfig> = new TallyController<PollConfig>(this, {
    kind: this.widgetKind,
    read: () => readPoll(this, this),
    parse: parsePollConfig,
    policy: pollPolicy,
    ...this.hooks(),
  });

  constructor() {
    super();
    this.pollId = '';
    this.multiple = false;
    this.allowChange = false;
  }


  protected override render() {
    const i18n = this.i18n;
    const { t } = i18n;
    const cfg = this.tally.config;
    if (!cfg) return this.invalid();
    const s = this.tally.formState(cfg);
    this.setStates(s.states);
    const max = cfg.multiple ? (cfg.maxChoices ?? cfg.options.length) : 1;
    const chosen = new Set(s.selected);
    const hint = cfg.multiple
      ? cfg.maxChoices && cfg.maxChoices < cfg.options.length
        ? t('chooseUpTo', { count: cfg.maxChoices })
        : t('chooseAny')
      : t('chooseOne');
    const total = t(cfg.multiple ? 'voters' : 'votes', { count: s.tally.voters });

    return html`
      <form part="base" @submit=${(e: Event) => this.tally.submit(e, 'thanks')} aria-busy=${s.status === 'loading' ? 'true' : 'false'} novalidate>
        <fieldset part="group" tabindex="-1" ?disabled=${s.pending || (s.showForm && !s.ready)} aria-describedby=${s.showForm ? 'hint' : nothing}>
          <legend part="question legend"><span role="heading" aria-level=${levelOf(this)}>${cfg.question}</span></legend>
          ${cfg.description ? html`<p part="description">${cfg.description}</p>` : nothing}
          ${s.showForm ? html`<p part="hint" id="hint" class="muted">${hint}</p>` : nothing}
          <ul part="options" role="list">
            ${resultRows(cfg.options, s.tally).map((row) => {
              const parts = optionParts('option', row.id, { mine: row.mine, leading: s.showResults && row.leading, selected: s.showForm && chosen.has(row.id) });
              const text = html`<span>${row.label}</span>`;
              return html`<li part=${parts}>
                ${s.showForm
                  ? html`<label part="label"
                      ><input
                        part="input"
                        type=${cfg.multiple ? 'checkbox' : 'radio'}
                        name="choice"
                        .value=${row.id}
                        .checked=${chosen.has(row.id)}
                        ?disabled=${cfg.multiple && !chosen.has(row.id) && chosen.size >= max}
                        @change=${this.tally.pick}
                      />${text}</label
                    >`
                  : html`<span part="label">${text}</span>`}
                ${s.showResults ? resultOf(i18n, row) : nothing}
              </li>`;
            })}
          </ul>
        </fieldset>
        ${tallyFooter(this, i18n, this.tally, cfg, s, { vote: 'vote', total })}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-poll': KoloPoll;
  }
}
