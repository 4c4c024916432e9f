/**
 * Ballot-box rules shared by the adapters that keep ballots themselves (memory, local):
 * one ballot per voter, idempotent actions, policy checks. The server enforces the same rules in SQL.
 */
import { KoloError, type Answer, type AnswerAction, type KoloAction, type Tally, type VoteAction } from './adapter.ts';
import type { SeedIdea, StoredIdea } from './ideas.ts';

/** A stored quiz answer; `first` is whether the voter's first attempt was correct (what stats count). */
export interface StoredAnswer extends Answer {
  first: boolean;
}

export interface BallotBox {
  /** voter id → current choices */
  ballots: Record<string, string[]>;
  /** quizzes: voter id → question id → latest answer */
  answers: Record<string, Record<string, StoredAnswer>>;
  /** recently applied action ids (idempotency keys), oldest first */
  applied: string[];
  /** idea boards: idea id → idea (see `ideaRules`) */
  ideas?: Record<string, StoredIdea>;
}

/** Seeded counts shown on top of real ballots (demo data, imported results). */
export interface Seed {
  counts: Record<string, number>;
  voters?: number;
  /** idea boards: published ideas to start with (their upvotes are in `counts`) */
  ideas?: SeedIdea[];
}

/**
 * Rules for further action types (idea boards…). The stores that need them add them, so a page
 * pays only for the rules of the widgets it uses; the vote and quiz rules are built in.
 */
export interface BoxRules {
  /** Apply `action` if it is one of these rules' types: whether the box changed; undefined when not theirs. */
  apply(box: BallotBox, action: KoloAction, now: number, seed?: Seed): boolean | undefined;
  /** Add what these rules keep to a tally. */
  tally(box: BallotBox, voter: string, tally: Tally, seed?: Seed): void;
  /** Take what these rules keep from untrusted stored data. */
  revive(value: Record<string, unknown>, box: BallotBox): void;
}

const extraRules: BoxRules[] = [];

/** Make memory and local adapters understand more action types. Adding the same rules twice is harmless. */
export const addRules = (rules: BoxRules): void => {
  if (!extraRules.includes(rules)) extraRules.push(rules);
};

const APPLIED_KEPT = 500;

export const emptyBox = (): BallotBox => ({ ballots: {}, answers: {}, applied: [] });

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A box read from untrusted storage: anything malformed is dropped, never an exception. */
export function reviveBox(value: unknown): BallotBox {
  const box = emptyBox();
  if (!isObject(value)) return box;
  if (isObject(value.ballots)) {
    for (const [voter, c] of Object.entries(value.ballots)) if (Array.isArray(c)) box.ballots[voter] = c.filter((x) => typeof x === 'string');
  }
  if (isObject(value.answers)) {
    for (const [voter, byQuestion] of Object.entries(value.answers)) {
      if (!isObject(byQuestion)) continue;
      for (const [q, a] of Object.entries(byQuestion)) {
        if (isObject(a) && isStrings(a.choices) && isStrings(a.key)) (box.answers[voter] ??= {})[q] = { choices: a.choices, key: a.key, correct: !!a.correct, first: !!a.first };
      }
    }
  }
  if (isStrings(value.applied)) box.applied = value.applied;
  for (const r of extraRules) r.revive(value, box);
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
  for (const [who, byQuestion] of Object.entries(box.answers)) {
    const qs = Object.entries(byQuestion);
    if (qs.length && !box.ballots[who]?.length) voters++;
    for (const [q, a] of qs) {
      counts[`${q}:answered`] = (counts[`${q}:answered`] ?? 0) + 1;
      if (a.first) counts[`${q}:correct`] = (counts[`${q}:correct`] ?? 0) + 1;
    }
  }
  const tally: Tally = { counts, voters, mine: [...(box.ballots[voter] ?? [])] };
  const mine = box.answers[voter];
  if (mine) tally.answers = Object.fromEntries(Object.entries(mine).map(([q, { choices, correct, key }]) => [q, { choices, correct, key }]));
  for (const r of extraRules) r.tally(box, voter, tally, seed);
  return tally;
}

export const reject = (reason: string, message: string): never => {
  throw new KoloError('rejected', reason, message);
};

/** Apply any action; returns whether the box changed. Throws KoloError. */
export function applyAction(box: BallotBox, action: KoloAction, now = Date.now(), seed?: Seed): boolean {
  if (action.type === 'vote') return applyVote(box, action, now);
  if (action.type === 'answer') return applyAnswer(box, action);
  for (const r of extraRules) {
    const changed = r.apply(box, action, now, seed);
    if (changed !== undefined) return changed;
  }
  return reject('unknown-action', `this adapter does not know "${(action as { type: string }).type}" actions`);
}

export function remember(box: BallotBox, id: string) {
  box.applied.push(id);
  if (box.applied.length > APPLIED_KEPT) box.applied.splice(0, box.applied.length - APPLIED_KEPT);
}

/** Refuse repeated or unknown choices, or more than `max`. */
export function checkChoices(choices: string[], options: string[], max: number) {
  if (new Set(choices).size !== choices.length) reject('invalid-choice', 'a choice is repeated');
  for (const c of choices) if (!options.includes(c)) reject('invalid-choice', `unknown choice "${c}"`);
  if (choices.length > max) reject('too-many-choices', `at most ${max} choice(s) allowed`);
}

/** Grade a quiz answer with the key it carries; stats keep each voter's first attempt. */
export function applyAnswer(box: BallotBox, action: AnswerAction): boolean {
  if (box.applied.includes(action.id)) return false;
  const { voter, question, choices, policy, key } = action;
  if (!voter) reject('invalid-voter', 'a voter id is required');
  if (!key?.length) reject('cannot-grade', 'this adapter grades with the correct answers from the content, and none were given');
  if (!choices.length) reject('invalid-choice', 'no choice given');
  checkChoices(choices, policy.options, policy.multiple ? policy.options.length : 1);
  const correct = choices.length === key!.length && choices.every((c) => key!.includes(c));
  const previous = box.answers[voter]?.[question];
  (box.answers[voter] ??= {})[question] = { choices: [...choices], key: [...key!], correct, first: previous ? previous.first : correct };
  remember(box, action.id);
  return true;
}

/** Check an action against the box and its policy; returns whether the box changed. Throws KoloError. */
export function applyVote(box: BallotBox, action: VoteAction, now = Date.now()): boolean {
  if (box.applied.includes(action.id)) return false;
  const { policy, choices, voter } = action;
  if (!voter) reject('invalid-voter', 'a voter id is required');
  if (policy.closesAt && now >= Date.parse(policy.closesAt)) reject('closed', 'voting has closed');
  checkChoices(choices, policy.options, policy.multiple ? (policy.max ?? policy.options.length) : 1);
  const previous = box.ballots[voter];
  if (previous?.length && !policy.change) reject('already-voted', 'this voter has already voted');
  if (!choices.length && !previous?.length) reject('invalid-choice', 'no choice given');
  if (choices.length) box.ballots[voter] = [...choices];
  else delete box.ballots[voter];
  remember(box, action.id);
  return true;
}
