/**
 * Ballot-box rules shared by the adapters that keep ballots themselves (memory, local):
 * one ballot per voter, idempotent actions, policy checks. The server enforces the same rules in SQL.
 */
import { KoloError, type Tally, type VoteAction } from './adapter.ts';

export interface BallotBox {
  /** voter id → current choices */
  ballots: Record<string, string[]>;
  /** recently applied action ids (idempotency keys), oldest first */
  applied: string[];
}

/** Seeded counts shown on top of real ballots (demo data, imported results). */
export interface Seed {
  counts: Record<string, number>;
  voters?: number;
}

const APPLIED_KEPT = 500;

export const emptyBox = (): BallotBox => ({ ballots: {}, applied: [] });

/** A box read from untrusted storage: anything malformed becomes empty parts, never an exception. */
export function reviveBox(value: unknown): BallotBox {
  const box = emptyBox();
  if (!value || typeof value !== 'object') return box;
  const { ballots, applied } = value as Partial<BallotBox>;
  if (ballots && typeof ballots === 'object') {
    for (const [voter, choices] of Object.entries(ballots)) {
      if (Array.isArray(choices)) box.ballots[voter] = choices.filter((c) => typeof c === 'string');
    }
  }
  if (Array.isArray(applied)) box.applied = applied.filter((a) => typeof a === 'string');
  return box;
}

export function tallyOf(box: BallotBox, voter: string, seed?: Seed): Tally {
  const counts: Record<string, number> = { ...seed?.counts };
  let voters = seed?.voters ?? Object.values(seed?.counts ?? {}).reduce((a, b) => a + b, 0);
  for (const choices of Object.values(box.ballots)) {
    if (!choices.length) continue;
    voters++;
    for (const c of choices) counts[c] = (counts[c] ?? 0) + 1;
  }
  return { counts, voters, mine: [...(box.ballots[voter] ?? [])] };
}

/** Check an action against the box and its policy; returns whether the box changed. Throws KoloError. */
export function applyVote(box: BallotBox, action: VoteAction, now = Date.now()): boolean {
  if (box.applied.includes(action.id)) return false;
  const { policy, choices, voter } = action;
  const reject = (reason: string, message: string) => {
    throw new KoloError('rejected', reason, message);
  };
  if (!voter) reject('invalid-voter', 'a voter id is required');
  if (policy.closesAt && now >= Date.parse(policy.closesAt)) reject('closed', 'voting has closed');
  if (new Set(choices).size !== choices.length) reject('invalid-choice', 'a choice is repeated');
  for (const c of choices) if (!policy.options.includes(c)) reject('invalid-choice', `unknown choice "${c}"`);
  const max = policy.multiple ? (policy.max ?? policy.options.length) : 1;
  if (choices.length > max) reject('too-many-choices', `at most ${max} choice(s) allowed`);
  const previous = box.ballots[voter];
  if (previous?.length && !policy.change) reject('already-voted', 'this voter has already voted');
  if (!choices.length && !previous?.length) reject('invalid-choice', 'no choice given');
  if (choices.length) box.ballots[voter] = [...choices];
  else delete box.ballots[voter];
  box.applied.push(action.id);
  if (box.applied.length > APPLIED_KEPT) box.applied.splice(0, box.applied.length - APPLIED_KEPT);
  return true;
}
