/**
 * Quiz answers: grading as a pure decision (the adapters and the server grade alike), and the rules
 * the memory and local adapters learn from the quiz store (`quizRules`), so pages without a quiz do
 * not carry them.
 */
import { refuse } from '../contract/errors.ts';
import { checkChoices } from '../voting/rules.ts';
import { idRecord } from '../contract/records.ts';
import type { AnswerAction } from '../contract/actions.ts';
import { add, isObject, isStrings, type BallotBox, type BoxRules } from '../adapters/box.ts';

/** Whether `choices` answer a question right; refuses an empty answer, bad choices, or no key to grade with. */
export function grade(choices: readonly string[], policy: { options: readonly string[]; multiple: boolean }, key: readonly string[] | undefined): boolean {
  if (!key?.length) refuse('cannot-grade', 'this adapter grades with the correct answers from the content, and none were given');
  if (!choices.length) refuse('invalid-choice', 'no choice given');
  checkChoices(choices, policy.options, policy.multiple ? policy.options.length : 1);
  return choices.length === key!.length && choices.every((c) => key!.includes(c));
}

function applyAnswer(box: BallotBox, { voter, question, choices, policy, key }: AnswerAction): boolean {
  if (!voter) refuse('invalid-voter', 'a voter id is required');
  const correct = grade(choices, policy, key);
  const answers = (box.answers ??= idRecord());
  const previous = answers[voter]?.[question];
  (answers[voter] ??= idRecord())[question] = { choices: [...choices], key: [...key!], correct, first: previous ? previous.first : correct };
  return true;
}

/** The quiz rules, for a memory or local adapter's `addRules` (the quiz store gives them). */
export const quizRules: BoxRules = {
  apply: (box, action) => (action.type === 'answer' ? applyAnswer(box, action) : undefined),
  view(box, voter, view) {
    // each person who answered counts once among the voters; statistics keep first attempts
    for (const [who, byQuestion] of Object.entries(box.answers ?? {})) {
      const qs = Object.entries(byQuestion);
      if (qs.length && !box.ballots[who]?.length) view.voters++;
      for (const [q, a] of qs) {
        add(view.counts, `${q}:answered`);
        if (a.first) add(view.counts, `${q}:correct`);
      }
    }
    const mine = box.answers?.[voter];
    if (mine) view.answers = idRecord(Object.fromEntries(Object.entries(mine).map(([q, { choices, correct, key }]) => [q, { choices, correct, key }])));
  },
  revive(value, box) {
    if (!isObject(value.answers)) return;
    const answers = (box.answers = idRecord());
    for (const [voter, byQuestion] of Object.entries(value.answers)) {
      if (!isObject(byQuestion)) continue;
      for (const [q, a] of Object.entries(byQuestion)) {
        if (isObject(a) && isStrings(a.choices) && isStrings(a.key)) (answers[voter] ??= idRecord())[q] = { choices: a.choices, key: a.key, correct: !!a.correct, first: !!a.first };
      }
    }
  },
};
