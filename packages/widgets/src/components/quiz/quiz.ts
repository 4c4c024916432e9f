import { html, nothing, type PropertyDeclarations } from 'lit';
import { parseQuizConfig, quizMessages, readQuiz, quizScore, shareCorrect, type QuizConfig, type QuizQuestion } from '@kolo/core';
import { KoloElement } from '../../base/kolo-element.ts';
import { levelOf } from '../../base/heading.ts';
import { errorText, loadError, nextStepLink, optionParts } from '../../base/parts.ts';
import { tokens } from '../../styles/tokens.ts';
import { tallyStyles } from '../../voting/tally.styles.ts';
import { QuizController } from './quiz-controller.ts';
import { quizStyles } from './quiz.styles.ts';

/**
 * A knowledge check, not an exam: a few questions, feedback right after each answer with a short
 * explanation, a score with the author's message for it, a next step, and a retake.
 *
 * Author it in HTML: the first heading is the title, shown as a heading of the same level (`<h3>` → 3;
 * else `heading-level`, default 2); each `section[data-question]` is a question
 * (its id), with `data-correct` (space-separated choice ids; leave it out to let a server grade),
 * optional `data-multiple`, the first paragraph or heading as its text, a `ul` of `li[data-value]`
 * choices, and `[data-explanation]` as the "why". Score messages: `[data-bands] > [data-min]`
 * (the lowest percent for that message). `a[data-next-step]` is the call to action. Or set `.config`.
 *
 * @summary Knowledge-check quiz with instant feedback, score and retake.
 * @tag kolo-quiz
 *
 * @event kolo-answer - An answer was graded. `detail: { id, question, choices, correct }`.
 * @event kolo-complete - The attempt is finished. `detail: { id, score, total, percent }`.
 * @event kolo-change - The aggregates changed (own answer or live update).
 * @event kolo-next-step - The next-step link was followed; cancelable.
 *
 * @csspart base - The wrapper of everything, the card (padding, border, radius, background, color, type; a page CSS reset cannot strip them): restyle it here.
 * @csspart title - The quiz title, a heading.
 * @csspart progress - "Question 2 of 4".
 * @csspart group - The fieldset of the question and its choices.
 * @csspart question - The question; also `legend` (it is the fieldset's legend).
 * @csspart choices - The list of choices.
 * @csspart choice - One choice; also `choice-selected` (picked, not checked yet), after answering `choice-correct`
 *   or `choice-wrong`, and `value-<id>` (its id, characters other than letters, digits, `-`, `_` as `_`: `value-b`).
 * @csspart input - A radio button or checkbox.
 * @csspart feedback - The live region with the verdict, explanation and stats.
 * @csspart verdict - "Correct." / "Not quite." and the right answer.
 * @csspart explanation - Why.
 * @csspart stats - How many people got it right.
 * @csspart actions - The buttons.
 * @csspart check-button - Checks the answer.
 * @csspart next-button - The next question or the score.
 * @csspart result - The score screen.
 * @csspart score - "You got 3 of 4 right."
 * @csspart band - The author's message for the score.
 * @csspart retake-button - Starts again.
 * @csspart error - An error message.
 * @csspart retry-button - Loads again after a failure.
 * @csspart next-step - The call-to-action link.
 *
 * @cssstate loading - Loading.
 * @cssstate ready - Loaded.
 * @cssstate error - Loading failed.
 * @cssstate invalid - The content is invalid.
 * @cssstate answered - The shown question has been answered.
 * @cssstate correct - ...and the answer was right.
 * @cssstate finished - The score is shown.
 * @cssstate pending - An answer is being graded.
 */
export class KoloQuiz extends KoloElement {
  static override messageBundles = [quizMessages, ...KoloElement.messageBundles];
  static override styles = [tokens, tallyStyles, quizStyles];
  static override properties: PropertyDeclarations = {
    quizId: { attribute: 'quiz-id' },
    showStats: { type: Boolean, attribute: 'show-stats' },
    signature: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    config: { type: Object },
  };

  /** The quiz id, unique among the site's quizzes. */
  declare quizId: string;
  /** After each answer, show how many people got it right. */
  declare showStats: boolean;
  /** The site's signature of the quiz's definition with its answer key (`signWidgets` in `@kolo/server`; every question needs `data-correct`): a server registers a signed quiz on its first answer. */
  declare signature: string | undefined;
  /** The level (1–6) of the title's heading: by default that of the heading written in the HTML (`<h3>` → 3), else 2; set it when the content comes from `.config`. */
  declare headingLevel: number | undefined;
  /** The whole quiz as an object; replaces the HTML content and attributes. */
  declare config: Partial<QuizConfig> | undefined;

  protected readonly widgetKind = 'quiz';
  private readonly quiz: QuizController = new QuizController(this, { read: () => readQuiz(this, this), parse: parseQuizConfig, ...this.hooks() });

  constructor() {
    super();
    this.quizId = '';
    this.showStats = false;
  }


  private renderQuestion(cfg: QuizConfig, q: QuizQuestion) {
    const i18n = this.i18n;
    const { t } = i18n;
    const { view, round, picked, index } = this.quiz;
    const answer = round[q.id];
    const key = answer?.key ?? [];
    const share = answer && cfg.showStats ? shareCorrect(view.tally, q.id) : null;
    const last = index === cfg.questions.length - 1;
    return html`
      <form @submit=${this.quiz.check} novalidate>
        <p part="progress" class="muted">${t('questionOf', { n: index + 1, total: cfg.questions.length })}</p>
        <fieldset part="group" tabindex="-1" ?disabled=${!!answer || !!view.pending || view.status !== 'ready'}>
          <legend part="question legend">${q.text}</legend>
          <ul part="choices" role="list">
            ${q.choices.map((c) => {
              const right = !!answer && key.includes(c.id);
              const wrong = !!answer && !right && answer.choices.includes(c.id);
              return html`<li part=${optionParts('choice', c.id, { correct: right, wrong, selected: !answer && picked.includes(c.id) })}>
                <label>
                  <input
                    part="input"
                    type=${q.multiple ? 'checkbox' : 'radio'}
                    name=${q.id}
                    .value=${c.id}
                    .checked=${answer ? answer.choices.includes(c.id) : picked.includes(c.id)}
                    @change=${this.quiz.pick}
                  />
                  <span>${c.label}</span>
                </label>
                ${right || wrong ? html`<span class="mark" aria-hidden="true">${right ? '✓' : '✗'}</span>` : nothing}
              </li>`;
            })}
          </ul>
        </fieldset>
        <div part="feedback" role="status">
          ${answer
            ? html`<p part="verdict">
                  ${answer.correct ? t('correct') : t('incorrect')}
                  ${answer.correct
                    ? nothing
                    : t('rightAnswer', { count: key.length, answers: q.choices.filter((c) => key.includes(c.id)).map((c) => c.label).join(', ') })}
                </p>
                ${q.explanation ? html`<p part="explanation">${q.explanation}</p>` : nothing}
                ${share !== null ? html`<p part="stats" class="muted">${t('shareCorrect', { percent: i18n.percent(share) })}</p>` : nothing}`
            : nothing}
        </div>
        ${view.status === 'ready' && view.error ? html`<p part="error" role="alert">${errorText(i18n, view.error)}</p>` : nothing}
        <div part="actions">
          ${answer
            ? html`<button part="next-button" class="primary" type="button" @click=${this.quiz.next}>${last ? t('seeScore') : t('nextQuestion')}</button>`
            : html`<button part="check-button" class="primary" type="submit" ?disabled=${!picked.length || !!view.pending || view.status !== 'ready'}>
                ${view.pending ? t('sending') : t('check')}
              </button>`}
        </div>
      </form>
    `;
  }

  protected override render() {
    const i18n = this.i18n;
    const { t } = i18n;
    const cfg = this.quiz.config;
    if (!cfg) return this.invalid();
    const { view, round, index } = this.quiz;
    const q = cfg.questions[index];
    const answer = q && round[q.id];
    const finished = !q && view.status === 'ready';
    const score = quizScore(cfg, round);
    this.setStates({
      loading: view.status === 'loading',
      ready: view.status === 'ready',
      error: view.status === 'error',
      answered: !!answer,
      correct: !!answer?.correct,
      finished,
      pending: !!view.pending,
    });
    return html`
      <div part="base" aria-busy=${view.status === 'loading' ? 'true' : 'false'}>
        ${cfg.title ? html`<p part="title" role="heading" aria-level=${levelOf(this)}>${cfg.title}</p>` : nothing}
        ${view.status === 'error' ? loadError(i18n, () => this.quiz.reload()) : nothing}
        ${view.status === 'loading' ? html`<p class="muted">${t('loading')}</p>` : nothing}
        ${q && view.status !== 'error' ? this.renderQuestion(cfg, q) : nothing}
        ${finished
          ? html`<div part="result" tabindex="-1">
              <p part="score" role="status">${t('score', { score: score.score, total: score.total })}</p>
              ${score.message ? html`<p part="band">${score.message}</p>` : nothing}
              <div part="actions">
                <button part="retake-button" type="button" @click=${this.quiz.retake}>${t('retake')}</button>
              </div>
              ${nextStepLink(this, cfg.nextStep, cfg.id, (href) => this.signal('next-step', { href }))}
            </div>`
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kolo-quiz': KoloQuiz;
  }
}
