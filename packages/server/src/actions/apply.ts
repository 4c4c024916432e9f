/** Inside the action's transaction: the widget's registered rules, then the family's own step. */
import { isBoardKind, isVotingKind, refuse, type ServerAction } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { rulesOf, type Registration } from '../definitions/registry.ts';
import { submitIdea, upvoteAction } from './ideas.ts';
import { answer } from './quiz.ts';
import { vote } from './voting.ts';

/** Apply an action by its family; counters (the rows every voter of a widget shares) are updated last, so they stay locked briefly. */
export async function apply(tx: Queryable, a: ServerAction, reg: Registration) {
  const { kind } = a.widget;
  if (a.type === 'vote' && !isVotingKind(kind)) refuse('wrong-kind', `a ${kind} does not take votes`);
  if (a.type === 'answer' && kind !== 'quiz') refuse('wrong-kind', 'only a quiz takes answers');
  if ((a.type === 'idea' || a.type === 'upvote') && !isBoardKind(kind)) refuse('wrong-kind', `a ${kind} has no ideas`);
  // the registered rules, never the action's own (except where a signature or development registers them)
  const rules = await rulesOf(tx, a, reg);
  if (a.type === 'vote') await vote(tx, a, rules.policy as never);
  else if (a.type === 'answer') await answer(tx, a, rules.questions![a.question]!);
  else if (a.type === 'idea') await submitIdea(tx, a, rules.policy as never);
  else await upvoteAction(tx, a);
}
