/** A quiz as authored: read the same way by `<kolo-quiz>` in a browser and by `definitionsOf` anywhere else. */
import { authoredNextStep, idList, lightText, type AttributeSpec } from '../content/read.ts';
import type { QuizConfig } from './schema.ts';

export interface QuizProps {
  quizId?: string | undefined;
  showStats?: boolean;
  /** the site's signature of the quiz's definition */
  signature?: string | undefined;
  config?: Partial<QuizConfig> | undefined;
}
export const quizAttributes: AttributeSpec = { quizId: ['quiz-id', String], showStats: ['show-stats', Boolean], signature: ['signature', String], headingLevel: ['heading-level', Number], config: ['config', Object] };

/**
 * `.config`, or the first heading as the title; each `[data-question]` a question (`data-correct`,
 * `data-multiple`, its first paragraph or heading the text, `li[data-value]` the choices,
 * `[data-explanation]` the why); `[data-bands] > [data-min]` the score messages.
 */
export function readQuiz(host: Element, p: QuizProps): unknown {
  if (p.config) return { id: p.quizId || undefined, ...p.config };
  const title = [...host.children].find((k) => k.matches('h1, h2, h3, h4, h5, h6'));
  const questions = [...host.querySelectorAll('[data-question]')].map((section) => {
    const text = section.querySelector(':scope > :is(p, h1, h2, h3, h4, h5, h6):not([data-explanation])');
    const explanation = section.querySelector('[data-explanation]');
    const correct = idList(section.getAttribute('data-correct'));
    return {
      id: section.getAttribute('data-question') ?? '',
      text: text ? lightText(text) : '',
      choices: [...section.querySelectorAll('li')].map((li, i) => ({ id: li.getAttribute('data-value') ?? String(i + 1), label: lightText(li) })),
      ...(correct.length ? { correct } : {}),
      ...(section.hasAttribute('data-multiple') ? { multiple: true } : {}),
      ...(explanation ? { explanation: lightText(explanation) } : {}),
    };
  });
  const bands = [...host.querySelectorAll('[data-bands] > [data-min]')].map((b) => ({ min: Number(b.getAttribute('data-min')), message: lightText(b) }));
  return {
    id: p.quizId,
    ...(title ? { title: lightText(title) } : {}),
    questions,
    ...(bands.length ? { bands } : {}),
    showStats: !!p.showStats,
    signature: p.signature || undefined,
    ...authoredNextStep(host),
  };
}
