/**
 * Each family's one statement: its SQL function (migration 0007) and the arguments after the ten
 * every action has, with what core's rules decided in JavaScript before the call.
 */
import { isBoardKind, isVotingKind, refuse, type QuizQuestionRules, type ServerAction, type VotePolicy } from '@kolo/core';
import type { Stored } from '../definitions/registry.ts';
import { ideaArgs, upvoteArgs, type StopWords } from './ideas.ts';
import { answerArgs } from './quiz.ts';
import { voteArgs } from './voting.ts';

/** The function and the number of its own arguments, by action type. */
const FAMILIES = { vote: ['kolo_vote', 2], answer: ['kolo_answer', 4], idea: ['kolo_idea', 6], upvote: ['kolo_upvote_action', 3] } as const;

/** `select kolo_…($1, …) as r`: one fixed text per family, so PostgreSQL prepares it once per connection. */
export const statementOf = (type: ServerAction['type']) => {
  const [fn, own] = FAMILIES[type];
  return `select ${fn}(${Array.from({ length: 10 + own }, (_, i) => `$${i + 1}`).join(', ')}) as r`;
};

/** An action of a kind that does not take it is refused before its rules are looked up. */
export function checkKind(a: ServerAction) {
  const { kind } = a.widget;
  if (a.type === 'vote' && !isVotingKind(kind)) refuse('wrong-kind', `a ${kind} does not take votes`);
  if (a.type === 'answer' && kind !== 'quiz') refuse('wrong-kind', 'only a quiz takes answers');
  if ((a.type === 'idea' || a.type === 'upvote') && !isBoardKind(kind)) refuse('wrong-kind', `a ${kind} has no ideas`);
}

/** The family's arguments under the registered `rules`; throws core's refusal. */
export function familyArgs(a: ServerAction, rules: Stored, words: StopWords | undefined): unknown[] {
  if (a.type === 'vote') return voteArgs(a, rules.policy as VotePolicy);
  if (a.type === 'answer') return answerArgs(a, rules.questions![a.question] as QuizQuestionRules);
  if (a.type === 'idea') return ideaArgs(a, rules.policy as never, words!);
  return upvoteArgs(a);
}

/** The family's arguments when the action is refused before its step (which then does not run): only an idea's stop-word version counts. */
export const refusedArgs = (a: ServerAction, words: StopWords | undefined): unknown[] =>
  a.type === 'idea' ? [words!.version, ...Array(FAMILIES.idea[1] - 1).fill(null)] : Array(FAMILIES[a.type][1]).fill(null);
