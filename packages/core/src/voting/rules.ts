/**
 * The ballot rules of voting widgets (poll, A/B choice, reactions, "was this helpful?"), as pure
 * decisions. The memory and local adapters apply them; the server enforces the same in SQL, and the
 * rule cases (`conformance/`) keep both equal.
 */
import { refuse } from '../contract/errors.ts';
import type { VotePolicy } from '../contract/actions.ts';

/** Refuse repeated or unknown choices, or more than `max`. */
export function checkChoices(choices: readonly string[], options: readonly string[], max: number): void {
  if (new Set(choices).size !== choices.length) refuse('invalid-choice', 'a choice is repeated');
  for (const c of choices) if (!options.includes(c)) refuse('invalid-choice', `unknown choice "${c}"`);
  if (choices.length > max) refuse('too-many-choices', `at most ${max} choice(s) allowed`);
}

/** The most choices one ballot may hold under a policy. */
export const maxChoices = (p: Pick<VotePolicy, 'multiple' | 'max' | 'options'>): number => (p.multiple ? (p.max ?? p.options.length) : 1);

/**
 * A voter's ballot after a vote: `choices` (empty withdraws); refuses a closed poll, bad choices, a
 * second ballot where changes are not allowed, and withdrawing a ballot that does not exist.
 */
export function decideVote(policy: VotePolicy, choices: readonly string[], previous: readonly string[] | undefined, now: number): string[] {
  if (policy.closesAt && now >= Date.parse(policy.closesAt)) refuse('closed', 'voting has closed');
  checkChoices(choices, policy.options, maxChoices(policy));
  if (previous?.length && !policy.change) refuse('already-voted', 'this voter has already voted');
  if (!choices.length && !previous?.length) refuse('invalid-choice', 'no choice given');
  return [...choices];
}
