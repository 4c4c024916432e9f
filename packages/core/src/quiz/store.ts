import type { ReadableAtom } from 'nanostores';
import { toKoloError, type KoloError } from '../contract/errors.ts';
import type { Answer, View } from '../contract/views.ts';
import type { KoloAdapter } from '../contract/adapter.ts';
import type { WidgetRef } from '../contract/widgets.ts';
import { randomId } from '../device/voter.ts';
import { questionRules, quizGrading, type QuizConfig } from './schema.ts';
import { createLoader, emptyView } from '../voting/store.ts';
import { quizRules } from './rules.ts';
import type { RuleAdapter } from '../adapters/box.ts';

export interface QuizView {
  status: 'loading' | 'ready' | 'error';
  /** aggregates (`q:answered`, `q:correct`) and this voter's latest answers */
  tally: View;
  /** the question being graded */
  pending: string | null;
  error: KoloError | null;
}

export interface QuizStore {
  readonly widget: WidgetRef;
  readonly $view: ReadableAtom<QuizView>;
  /** Send one answer to be graded; resolves with the graded answer, or null when it failed. */
  answer(question: string, choices: string[]): Promise<Answer | null>;
  reload(): Promise<void>;
}

/** One voter's run through a quiz: answers are graded by the adapter one question at a time. */
export function createQuizStore(adapter: KoloAdapter, config: QuizConfig, voter: string): QuizStore {
  // memory and local adapters grade with the quiz rules once a quiz gives them
  (adapter as Partial<RuleAdapter>).addRules?.(quizRules);
  const widget: WidgetRef = { kind: 'quiz', id: config.id };
  const { $view, patch, reload } = createLoader<QuizView>(adapter, widget, voter, {
    status: 'loading',
    tally: emptyView(),
    pending: null,
    error: null,
  });

  async function answer(question: string, choices: string[]): Promise<Answer | null> {
    const q = config.questions.find((x) => x.id === question);
    const before = $view.get();
    if (!q || before.status !== 'ready' || before.pending) return null;
    patch({ pending: question, error: null });
    const { key, ...policy } = questionRules(q);
    try {
      const tally = await adapter.send({
        type: 'answer',
        id: randomId('a_'),
        voter,
        widget,
        question,
        choices: [...choices],
        policy,
        ...(q.correct ? { key } : {}),
        // a signed quiz is registered whole: the signature covers every question's key
        ...(config.signature ? { signature: config.signature, quiz: quizGrading(config) } : {}),
        at: new Date().toISOString(),
      });
      patch({ tally, pending: null });
      return tally.answers?.[question] ?? null;
    } catch (e) {
      patch({ pending: null, error: toKoloError(e) });
      return null;
    }
  }

  return { widget, $view, answer, reload };
}
