/** Grading a quiz answer, as a pure decision (the adapters and the server grade alike). */
import { refuse } from '../contract/errors.ts';
import { checkChoices } from '../voting/rules.ts';

/** Whether `choices` answer a question right; refuses an empty answer, bad choices, or no key to grade with. */
export function grade(choices: readonly string[], policy: { options: readonly string[]; multiple: boolean }, key: readonly string[] | undefined): boolean {
  if (!key?.length) refuse('cannot-grade', 'this adapter grades with the correct answers from the content, and none were given');
  if (!choices.length) refuse('invalid-choice', 'no choice given');
  checkChoices(choices, policy.options, policy.multiple ? policy.options.length : 1);
  return choices.length === key!.length && choices.every((c) => key!.includes(c));
}
