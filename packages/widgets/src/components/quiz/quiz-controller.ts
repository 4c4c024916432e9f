import { createQuizStore, emptyView, quizScore, type Answer, type QuizConfig, type QuizStore, type QuizView } from '@kolo/core';
import type { KoloElement } from '../../base/kolo-element.ts';
import { WidgetController, type WidgetOptions } from '../../base/widget-controller.ts';
import { focusAfterRender } from '../../base/focus.ts';
import { picked } from '../../base/pick.ts';
import { KoloAnswerEvent } from '../../events/kolo-answer.ts';
import { KoloCompleteEvent } from '../../events/kolo-complete.ts';

/**
 * One attempt at a quiz: which question is shown, what is picked, the graded answers so far.
 * An attempt kept by the adapter (a reload in the middle, or a finished quiz) is resumed.
 */
export class QuizController extends WidgetController<QuizConfig, QuizView, QuizStore> {
  /** graded answers of this attempt, by question id */
  round: Record<string, Answer> = {};
  /** the question shown; `questions.length` once the attempt is finished */
  index = 0;
  picked: string[] = [];
  private resumed = false;

  constructor(host: KoloElement, o: Omit<WidgetOptions<QuizConfig, QuizStore>, 'store'>) {
    super(host, { ...o, store: createQuizStore }, { status: 'loading', tally: emptyView(), pending: null, error: null });
  }

  protected override restart(): void {
    this.round = {};
    this.index = 0;
    this.picked = [];
    this.resumed = false;
  }

  override hostUpdate(): void {
    super.hostUpdate();
    const cfg = this.config;
    if (!cfg || this.resumed || this.view.status !== 'ready') return;
    this.resumed = true;
    const kept = this.view.tally.answers ?? {};
    for (const q of cfg.questions) if (kept[q.id]) this.round[q.id] = kept[q.id]!;
    const open = cfg.questions.findIndex((q) => !this.round[q.id]);
    this.index = open === -1 ? cfg.questions.length : open;
  }


  readonly pick = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    if (!this.picked.length && !Object.keys(this.round).length) this.signal('interact');
    this.picked = picked(this.picked, input);
    this.host.requestUpdate();
  };

  /** Grade the picked answer of the shown question. */
  readonly check = async (e: Event): Promise<void> => {
    e.preventDefault();
    const cfg = this.config;
    const q = cfg?.questions[this.index];
    if (!cfg || !q || !this.picked.length || !this.store) return;
    const graded = await this.store.answer(q.id, this.picked);
    if (!graded) return focusAfterRender(this.host, '[part~="check-button"]');
    this.round = { ...this.round, [q.id]: graded };
    this.picked = [];
    this.signal('submit', { question: q.id, correct: String(graded.correct) });
    this.host.dispatchEvent(new KoloAnswerEvent({ id: cfg.id, question: q.id, choices: graded.choices, correct: graded.correct }));
    this.host.requestUpdate();
    focusAfterRender(this.host, '[part~="next-button"]');
  };

  readonly next = (): void => {
    const cfg = this.config!;
    this.index++;
    this.host.requestUpdate();
    if (this.index < cfg.questions.length) return focusAfterRender(this.host, 'fieldset');
    const { score, total, percent } = quizScore(cfg, this.round);
    this.host.dispatchEvent(new KoloCompleteEvent({ id: cfg.id, score, total, percent }));
    focusAfterRender(this.host, '[part~="result"]');
  };

  readonly retake = (): void => {
    this.round = {};
    this.index = 0;
    this.picked = [];
    this.host.requestUpdate();
    focusAfterRender(this.host, 'fieldset');
  };
}
