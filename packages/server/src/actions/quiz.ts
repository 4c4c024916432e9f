/** Quiz answers: graded with the registered key; statistics keep each voter's first attempt (`kolo_answer_step`). */
import { grade, type QuizQuestionRules, type ServerAction } from '@kolo/core';

type AnswerAction = Extract<ServerAction, { type: 'answer' }>;

/** Graded by core with the registered question (its key never comes from the answer). Arguments: question, choices, key, correct. */
export function answerArgs(a: AnswerAction, registered: QuizQuestionRules): unknown[] {
  const correct = grade(a.choices, registered, registered.key);
  return [a.question, JSON.stringify(a.choices), JSON.stringify(registered.key), correct];
}
