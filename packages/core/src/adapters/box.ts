/**
 * The ballot box of the adapters that keep data themselves (memory, local): one box per widget, one
 * ballot per voter, idempotent actions. Votes are built in; further action types (quiz answers, idea
 * boards) come as `BoxRules` that an adapter instance is given, so a page pays only for the rules of
 * the widgets it uses.
 */
import { idRecord } from '../contract/records.ts';
import { refuse } from '../contract/errors.ts';
import type { Answer, View } from '../contract/views.ts';
import type { KoloAction } from '../contract/actions.ts';
import type { SeedIdea } from '../contract/admin.ts';
import { decideVote } from '../voting/rules.ts';
import type { StoredIdea } from '../ideas/stored.ts';

/** A stored quiz answer; `first` is whether the voter's first attempt was correct (what stats count). */
export interface StoredAnswer extends Answer {
  first: boolean;
}

export interface BallotBox {
  /** voter id → current choices */
  ballots: Record<string, string[]>;
  /** quizzes: voter id → question id → latest answer (see `quizRules`) */
  answers?: Record<string, Record<string, StoredAnswer>>;
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

export const emptyBox = (): BallotBox => ({ ballots: idRecord(), applied: [] });

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A box read from untrusted storage: anything malformed is dropped, never an exception. */
export function reviveBox(value: unknown, rules: readonly BoxRules[] = []): BallotBox {
  const box = emptyBox();
  if (!isObject(value)) return box;
  if (isObject(value.ballots)) {
    for (const [voter, c] of Object.entries(value.ballots)) if (Array.isArray(c)) box.ballots[voter] = c.filter((x) => typeof x === 'string');
  }
  if (isStrings(value.applied)) box.applied = value.applied;
  for (const r of rules) r.revive(value, box);
  return box;
}

export const add = (counts: Record<string, number>, id: string) => (counts[id] = (counts[id] ?? 0) + 1);

/** What `voter` sees of a box: counts (over seeds), voters, their choices and answers. */
export function viewOf(box: BallotBox, voter: string, seed?: Seed, rules: readonly BoxRules[] = []): View {
  const counts = idRecord(seed?.counts);
  let voters = seed?.voters ?? Object.values(seed?.counts ?? {}).reduce((a, b) => a + b, 0);
  for (const choices of Object.values(box.ballots)) {
    if (!choices.length) continue;
    voters++;
    for (const c of choices) add(counts, c);
  }
  const view: View = { counts, voters, mine: [...(box.ballots[voter] ?? [])] };
  for (const r of rules) r.view(box, voter, view, seed);
  return view;
}

/** Apply any action; returns whether the box changed. Throws KoloError. */
export function applyAction(box: BallotBox, action: KoloAction, now = Date.now(), seed?: Seed, rules: readonly BoxRules[] = []): boolean {
  if (box.applied.includes(action.id)) return false;
  if (action.type === 'vote') {
    if (!action.voter) refuse('invalid-voter', 'a voter id is required');
    const ballot = decideVote(action.policy, action.choices, box.ballots[action.voter], now);
    if (ballot.length) box.ballots[action.voter] = ballot;
    else delete box.ballots[action.voter];
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
