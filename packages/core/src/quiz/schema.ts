import * as z from 'zod/mini';
import { nextStepSchema, parseWith, text, type Parsed } from '../content/common.ts';
import { signatureSchema } from '../content/signature.ts';
import { idSchema } from '../contract/ids.ts';
import type { Answer, View } from '../contract/views.ts';
import type { QuizQuestionRules } from '../contract/actions.ts';
import { uniqueIds } from '../content/checks.ts';
import { countOf } from '../contract/records.ts';

const choiceSchema = z.object({ id: idSchema, label: text(200) });

export const quizQuestionSchema = z
  .object({
    id: idSchema,
    text: text(300),
    choices: z.array(choiceSchema).check(z.minLength(2, 'a question needs at least 2 choices'), z.maxLength(8, 'at most 8 choices'), z.refine(uniqueIds, 'choice ids must be unique')),
    /** correct choice ids; leave out to keep them off the page (the adapter grades) */
    correct: z.optional(z.array(idSchema).check(z.minLength(1, 'at least 1 correct choice'))),
    multiple: z.optional(z.boolean()),
    explanation: z.optional(text(1000)),
  })
  .check(
    z.refine((q) => !q.correct || q.correct.every((c) => q.choices.some((o) => o.id === c)), 'correct answers must be among the choices'),
    z.refine((q) => !q.correct || q.multiple || q.correct.length === 1, 'a single-answer question has exactly 1 correct choice'),
  );

export const scoreBandSchema = z.object({
  /** the lowest score, in percent, that earns this message */
  min: z.number().check(z.refine((n) => n >= 0 && n <= 100, 'must be from 0 to 100')),
  message: text(300),
});

export const quizConfigSchema = z.object({
  id: idSchema,
  title: z.optional(text(200)),
  questions: z.array(quizQuestionSchema).check(z.minLength(1, 'a quiz needs at least 1 question'), z.maxLength(20, 'a quiz has at most 20 questions'), z.refine(uniqueIds, 'question ids must be unique')),
  bands: z.optional(z.array(scoreBandSchema)),
  /** show "64% got this right" after each answer */
  showStats: z.optional(z.boolean()),
  nextStep: z.optional(nextStepSchema),
  signature: signatureSchema,
});
export type QuizConfig = z.output<typeof quizConfigSchema>;
export type QuizQuestion = z.output<typeof quizQuestionSchema>;

export const parseQuizConfig = (input: unknown): Parsed<QuizConfig> => parseWith(quizConfigSchema, input);

/** A question as a server grades it: its choice ids, one or several, and its key (empty when kept off the page). */
export const questionRules = (q: QuizQuestion): QuizQuestionRules => ({ options: q.choices.map((c) => c.id), multiple: !!q.multiple, key: q.correct ?? [] });

/** The whole quiz's rules, every question with its key: what a site signs and `kolo-server register` registers. */
export const quizGrading = (c: QuizConfig) => ({ questions: Object.fromEntries(c.questions.map((q) => [q.id, questionRules(q)])) });

/** Share of people whose first answer to `question` was right, in whole percent; null before anyone answered. */
export function shareCorrect(tally: View, question: string): number | null {
  const answered = countOf(tally.counts, `${question}:answered`);
  return answered ? Math.round((countOf(tally.counts, `${question}:correct`) * 100) / answered) : null;
}

export interface QuizScore {
  score: number;
  total: number;
  percent: number;
  /** the author's message for this score, if any */
  message?: string;
}

/** The score of one attempt and its band's message (the band with the highest `min` reached). */
export function quizScore(config: QuizConfig, answers: Record<string, Answer>): QuizScore {
  const total = config.questions.length;
  const score = config.questions.filter((q) => answers[q.id]?.correct).length;
  const percent = Math.round((score * 100) / total);
  const band = [...(config.bands ?? [])].sort((a, b) => b.min - a.min).find((b) => percent >= b.min);
  return { score, total, percent, ...(band ? { message: band.message } : {}) };
}
