/** Votes (poll, choice, reactions, faq): one ballot per voter per widget, changed or withdrawn when the policy allows. */
import { decideVote, type ServerAction, type VotePolicy } from '@kolo/core';

type VoteAction = Extract<ServerAction, { type: 'vote' }>;

/**
 * Core's rules decide what they can without the stored ballot (closed, choices); the SQL
 * (`kolo_vote_step`) keeps one ballot per voter and refuses, as decideVote would with the ballot, a
 * second one where the policy allows no change, and withdrawing none. Arguments: choices, change.
 */
export function voteArgs(a: VoteAction, policy: VotePolicy, now = Date.now()): unknown[] {
  // with no choices, a withdrawal: checked as if a ballot were there (the SQL knows whether one is)
  if (a.choices.length) decideVote(policy, a.choices, undefined, now);
  else decideVote({ ...policy, change: true }, a.choices, [''], now);
  return [JSON.stringify(a.choices), policy.change];
}
