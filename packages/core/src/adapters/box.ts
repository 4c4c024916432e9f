/**
 * The ballot box of the adapters that keep data themselves (memory, local): one box per widget, one
 * ballot per voter, idempotent actions. Votes and quiz answers are built in; further action types
 * (idea boards) come as `BoxRules` that an adapter instance is given, so a page pays only for the
 * rules of the widgets it uses.
 */
import { idRecord } from '../contract/records.ts';
import { refuse } from '../contract/errors.ts';
import type { Answer, View } from '../contract/views.ts';
import type { KoloAction } from '../contract/actions.ts';
import type { SeedIdea } from '../contract/admin.ts';
import { decideVote } from '../voting/rules.ts';
import { grade } from '../quiz/rules.ts';
import type { StoredIdea } from '../ideas/stored.ts';

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
  /** idea boards: idea id → idea */
  ideas?: Record<string, StoredIdea>;
}

/** Seeded counts shown on top of real ballots (demo data, imported results). */
export interface Seed {
  counts: Record<string, number>;
  voters?: number;
  /** idea boards: published ideas to start with (their upvotes are in `counts`) */
  ideas?: SeedIdea[];
}

/** Rules for further action types (idea boards…), given to an adapter instance. */
export interface BoxRules {
  /** Apply `action` if it is one of these rules' types: whether the box changed; undefined when not theirs. */
  apply(box: BallotBox, action: KoloAction, now: number, seed?: Seed): boolean | undefined;
  /** Add what these rules keep to a view. */
  view(box: BallotBox, voter: string, view: View, seed?: Seed): void;
  /** Take what these rules keep from untrusted stored data. */
  revive(value: Record<string, unknown>, box: BallotBox): void;
}

/** An adapter that can be taught more action types (the memory and local adapters). */
export interface RuleAdapter {
  addRules(rules: BoxRules): void;
}

const APPLIED_KEPT = 500;

export const emptyBox = (): BallotBox => ({ ballots: idRecord(), answers: idRecord(), applied: [] });

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A box read from untrusted storage: anything malformed is dropped, never an exception. */
export function reviveBox(value: unknown, rules: readonly BoxRules[] = []): BallotBox {
  const box = emptyBox();
  if (!isObject(value)) return box;
  if (isObject(value.ballots)) {
    for (const [voter, c] of Object.entries(value.ballots)) if (Array.isArray(c)) box.ballots[voter] = c.filter((x) => typeof x === 'string');
  }
  if (isObject(value.answers)) {
    for (const [voter, byQuestion] of Object.entries(value.answers)) {
      if (!isObject(byQuestion)) continue;
      for (const [q, a] of Object.entries(byQuestion)) {
        if (isObject(a) && isStrings(a.choices) && isStrings(a.key)) (box.answers[voter] ??= idRecord())[q] = { choices: a.choices, key: a.key, correct: !!a.correct, first: !!a.first };
      }
    }
  }
  if (isStrings(value.applied)) box.applied = value.applied;
  for (const r of rules) r.revive(value, box);
  return box;
}

const add = (counts: Record<string, number>, id: string, n = 1) => (counts[id] = (counts[id] ?? 0) + n);

/** What `voter` sees of a box: counts (over seeds), voters, their choices and answers. */
export function viewOf(box: BallotBox, voter: string, seed?: Seed, rules: readonly BoxRules[] = []): View {
  const counts = idRecord(seed?.counts);
  let voters = seed?.voters ?? Object.values(seed?.counts ?? {}).reduce((a, b) => a + b, 0);
  for (const choices of Object.values(box.ballots)) {
    if (!choices.length) continue;
    voters++;
    for (const c of choices) add(counts, c);
  }
  for (const [who, byQuestion] of Object.entries(box.answers)) {
    const qs = Object.entries(byQuestion);
    if (qs.length && !box.ballots[who]?.length) voters++;
    for (const [q, a] of qs) {
      add(counts, `${q}:answered`);
      if (a.first) add(counts, `${q}:correct`);
    }
  }
  const view: View = { counts, voters, mine: [...(box.ballots[voter] ?? [])] };
  const mine = box.answers[voter];
  if (mine) view.answers = idRecord(Object.fromEntries(Object.entries(mine).map(([q, { choices, correct, key }]) => [q, { choices, correct, key }])));
  for (const r of rules) r.view(box, voter, view, seed);
  return view;
}

/** Apply any action; returns whether the box changed. Throws KoloError. */
export function applyAction(box: BallotBox, action: KoloAction, now = Date.now(), seed?: Seed, rules: readonly BoxRules[] = []): boolean {
  if (box.applied.includes(action.id)) return false;
  if ((action.type === 'vote' || action.type === 'answer') && !action.voter) refuse('invalid-voter', 'a voter id is required');
  if (action.type === 'vote') {
    const ballot = decideVote(action.policy, action.choices, box.ballots[action.voter], now);
    if (ballot.length) box.ballots[action.voter] = ballot;
    else delete box.ballots[action.voter];
  } else if (action.type === 'answer') {
    const { voter, question, choices, key } = action;
    const correct = grade(choices, action.policy, key);
    const previous = box.answers[voter]?.[question];
    (box.answers[voter] ??= idRecord())[question] = { choices: [...choices], key: [...key!], correct, first: previous ? previous.first : correct };
  } else {
    let changed: boolean | undefined;
    for (const r of rules) if ((changed = r.apply(box, action, now, seed)) !== undefined) break;
    if (changed === undefined) refuse('unknown-action', `this adapter does not know "${action.type}" actions`);
    if (!changed) return false;
  }
  remember(box, action.id);
  return true;
}

export function remember(box: BallotBox, id: string): void {
  box.applied.push(id);
  if (box.applied.length > APPLIED_KEPT) box.applied.splice(0, box.applied.length - APPLIED_KEPT);
}
