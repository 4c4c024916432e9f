/**
 * The rules every backend must apply alike, as one table of cases: the state before (actions already
 * accepted), an action, and the decision expected (accepted with this view, or refused with this
 * reason). The memory and local adapters (TypeScript) and Kolo's server (SQL, on PGlite and
 * PostgreSQL) all run this table; an adapter for another backend can run it too (`runRuleCase`).
 */
import type { AnswerAction, IdeaAction, IdeaPolicy, KoloAction, UpvoteAction, VoteAction, VotePolicy } from '../contract/actions.ts';
import type { Reason } from '../contract/reasons.ts';
import type { WidgetRef } from '../contract/widgets.ts';

/** What the view after an accepted action must hold (fields left out are not checked). */
export interface ExpectedView {
  counts?: Record<string, number>;
  voters?: number;
  mine?: string[];
  /** quiz: question id → this voter's latest answer */
  answers?: Record<string, { choices: string[]; correct: boolean }>;
  /** boards: the ideas this voter sees, in submission order */
  ideas?: { title: string; status: string; own: boolean }[];
}

export interface RuleCase {
  name: string;
  /** actions accepted before, in order */
  given: KoloAction[];
  when: KoloAction;
  then: { view: ExpectedView } | { refused: Reason };
}

const SINGLE: VotePolicy = { options: ['a', 'b', 'c'], multiple: false, change: false };
const CHANGE: VotePolicy = { ...SINGLE, change: true };
const MULTI: VotePolicy = { options: ['a', 'b', 'c'], multiple: true, max: 2, change: false };
const BOARD: IdeaPolicy = { moderated: false, minFillMs: 3000, maxPerDay: 2, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: [] };
const MODERATED: IdeaPolicy = { ...BOARD, moderated: true };
const RULES: IdeaPolicy = { ...BOARD, requireRules: true };
const YES_NO = { options: ['yes', 'no'], multiple: false };
const SECOND = 1000;

/** What the cases are built with: ids unique to one run, and the moment the actions are made. */
function builders(scope: string, now: number) {
  let n = 0;
  const at = new Date(now).toISOString();
  const ref = (kind: WidgetRef['kind']): WidgetRef => ({ kind, id: `${scope}-${kind}-${++n}` });
  const key = () => `${scope}-a${++n}`;
  const voteOn = (widget: WidgetRef, policy: VotePolicy) => (voter: string, choices: string[], id = key()): VoteAction => ({ type: 'vote', id, voter, widget, choices, policy, at });
  const answerOn = (widget: WidgetRef) => (voter: string, question: string, choices: string[], key_: string[] | undefined, policy = YES_NO): AnswerAction => ({
    type: 'answer', id: key(), voter, widget, question, choices, policy, ...(key_ ? { key: key_ } : {}), at,
  });
  const ideaOn = (widget: WidgetRef, policy = BOARD) => (voter: string, title: string, extra: Partial<IdeaAction> = {}): IdeaAction => ({
    type: 'idea', id: key(), voter, widget, idea: { title }, honeypot: '', startedAt: new Date(now - 10 * SECOND).toISOString(), policy, at, ...extra,
  });
  const upvoteOn = (widget: WidgetRef) => (voter: string, idea: string, on = true): UpvoteAction => ({ type: 'upvote', id: key(), voter, widget, idea, on, at });

  return { now, ref, voteOn, answerOn, ideaOn, upvoteOn };
}
type Build = ReturnType<typeof builders>;

function voteCases({ now, ref, voteOn }: Build): RuleCase[] {
  const cases: RuleCase[] = [];
  const vote = (name: string, policy: VotePolicy, make: (v: ReturnType<typeof voteOn>) => Omit<RuleCase, 'name'>) => cases.push({ name: `vote: ${name}`, ...make(voteOn(ref('poll'), policy)) });

  vote('a first ballot is counted', SINGLE, (v) => ({ given: [], when: v('v1', ['a']), then: { view: { counts: { a: 1 }, voters: 1, mine: ['a'] } } }));
  vote('other voters count too', SINGLE, (v) => ({ given: [v('v2', ['b'])], when: v('v1', ['a']), then: { view: { counts: { a: 1, b: 1 }, voters: 2, mine: ['a'] } } }));
  vote('a second ballot is refused when changes are not allowed', SINGLE, (v) => ({ given: [v('v1', ['a'])], when: v('v1', ['b']), then: { refused: 'already-voted' } }));
  vote('a ballot is replaced when changes are allowed', CHANGE, (v) => ({ given: [v('v1', ['a'])], when: v('v1', ['b']), then: { view: { counts: { b: 1 }, voters: 1, mine: ['b'] } } }));
  vote('a ballot is withdrawn with no choices when changes are allowed', CHANGE, (v) => ({ given: [v('v1', ['a'])], when: v('v1', []), then: { view: { counts: {}, voters: 0, mine: [] } } }));
  vote('withdrawing without a ballot is refused', CHANGE, (v) => ({ given: [], when: v('v1', []), then: { refused: 'invalid-choice' } }));
  vote('an unknown choice is refused', SINGLE, (v) => ({ given: [], when: v('v1', ['z']), then: { refused: 'invalid-choice' } }));
  vote('a repeated choice is refused', MULTI, (v) => ({ given: [], when: v('v1', ['a', 'a']), then: { refused: 'invalid-choice' } }));
  vote('two choices on a single-choice poll are refused', SINGLE, (v) => ({ given: [], when: v('v1', ['a', 'b']), then: { refused: 'too-many-choices' } }));
  vote('more than the most choices are refused', MULTI, (v) => ({ given: [], when: v('v1', ['a', 'b', 'c']), then: { refused: 'too-many-choices' } }));
  vote('up to the most choices are counted', MULTI, (v) => ({ given: [], when: v('v1', ['a', 'b']), then: { view: { counts: { a: 1, b: 1 }, voters: 1, mine: ['a', 'b'] } } }));
  vote('a closed poll refuses', { ...SINGLE, closesAt: new Date(now - 60 * SECOND).toISOString() }, (v) => ({ given: [], when: v('v1', ['a']), then: { refused: 'closed' } }));
  vote('a poll that closes later accepts', { ...SINGLE, closesAt: new Date(now + 3600 * SECOND).toISOString() }, (v) => ({ given: [], when: v('v1', ['a']), then: { view: { counts: { a: 1 }, voters: 1 } } }));
  vote('the same action id is applied once', SINGLE, (v) => {
    const first = v('v1', ['a']);
    return { given: [first], when: { ...first }, then: { view: { counts: { a: 1 }, voters: 1, mine: ['a'] } } };
  });
  const PROPS: VotePolicy = { options: ['constructor', 'valueOf', 'toString'], multiple: false, change: true };
  vote('ids named like object properties are only ids', PROPS, (v) => ({
    given: [v('v2', ['valueOf'])],
    when: v('v1', ['constructor']),
    then: { view: { counts: { constructor: 1, valueOf: 1 }, voters: 2, mine: ['constructor'] } },
  }));
  vote('voting and withdrawing "constructor" leaves nothing behind', PROPS, (v) => ({
    given: [v('v1', ['constructor']), v('v1', []), v('v1', ['constructor'])],
    when: v('v1', []),
    then: { view: { counts: {}, voters: 0, mine: [] } },
  }));

  return cases;
}

function quizCases({ ref, answerOn }: Build): RuleCase[] {
  const cases: RuleCase[] = [];
  const quiz = (name: string, make: (a: ReturnType<typeof answerOn>) => Omit<RuleCase, 'name'>) => cases.push({ name: `quiz: ${name}`, ...make(answerOn(ref('quiz'))) });
  quiz('a right answer is graded right', (a) => ({ given: [], when: a('v1', 'q1', ['no'], ['no']), then: { view: { counts: { 'q1:answered': 1, 'q1:correct': 1 }, voters: 1, answers: { q1: { choices: ['no'], correct: true } } } } }));
  quiz('a wrong first answer stays wrong in the statistics after a right retry', (a) => ({
    given: [a('v1', 'q1', ['yes'], ['no'])],
    when: a('v1', 'q1', ['no'], ['no']),
    then: { view: { counts: { 'q1:answered': 1 }, voters: 1, answers: { q1: { choices: ['no'], correct: true } } } },
  }));
  quiz('without a key nothing is graded', (a) => ({ given: [], when: a('v1', 'q1', ['no'], undefined), then: { refused: 'cannot-grade' } }));
  quiz('two choices on a single-answer question are refused', (a) => ({ given: [], when: a('v1', 'q1', ['yes', 'no'], ['no']), then: { refused: 'too-many-choices' } }));
  quiz('an unknown choice is refused', (a) => ({ given: [], when: a('v1', 'q1', ['maybe'], ['no']), then: { refused: 'invalid-choice' } }));
  quiz('several answers are graded as a set', (a) => ({
    given: [],
    when: a('v1', 'q2', ['c', 'a'], ['a', 'c'], { options: ['a', 'b', 'c'], multiple: true }),
    then: { view: { answers: { q2: { choices: ['c', 'a'], correct: true } } } },
  }));

  return cases;
}

function boardCases({ now, ref, ideaOn, upvoteOn }: Build): RuleCase[] {
  const cases: RuleCase[] = [];
  const board = (name: string, policy: IdeaPolicy, make: (i: ReturnType<typeof ideaOn>, u: ReturnType<typeof upvoteOn>) => Omit<RuleCase, 'name'>) => {
    const w = ref('ideas');
    cases.push({ name: `ideas: ${name}`, ...make(ideaOn(w, policy), upvoteOn(w)) });
  };
  board('an idea is published on an unmoderated board, with its author\'s upvote', BOARD, (i) => {
    const idea = i('v1', 'Dark mode for the app');
    return { given: [], when: idea, then: { view: { counts: { [idea.id]: 1 }, voters: 1, mine: [idea.id], ideas: [{ title: 'Dark mode for the app', status: 'review', own: true }] } } };
  });
  board('on a moderated board an idea waits, seen only by its author', MODERATED, (i) => ({
    given: [i('v1', 'Somebody else’s idea')],
    when: i('v2', 'My own waiting idea'),
    then: { view: { ideas: [{ title: 'My own waiting idea', status: 'pending', own: true }] } },
  }));
  board('the honeypot marks a bot', BOARD, (i) => ({ given: [], when: i('v1', 'A perfectly fine idea', { honeypot: 'http://spam.example' }), then: { refused: 'spam' } }));
  board('a form sent too quickly is refused', BOARD, (i) => ({ given: [], when: i('v1', 'A perfectly fine idea', { startedAt: new Date(now - SECOND).toISOString() }), then: { refused: 'too-fast' } }));
  board('a board that requires its rules refuses an idea without their acceptance', RULES, (i) => ({ given: [], when: i('v1', 'A perfectly fine idea'), then: { refused: 'rules-required' } }));
  board('a board that requires its rules refuses an idea whose acceptance is false', RULES, (i) => ({ given: [], when: i('v1', 'A perfectly fine idea', { rulesAccepted: false }), then: { refused: 'rules-required' } }));
  board('a board that requires its rules takes an idea with their acceptance', RULES, (i) => ({
    given: [],
    when: i('v1', 'A perfectly fine idea', { rulesAccepted: true }),
    then: { view: { ideas: [{ title: 'A perfectly fine idea', status: 'review', own: true }] } },
  }));
  board('a board that does not require its rules takes an idea without their acceptance', BOARD, (i) => ({
    given: [],
    when: i('v1', 'A perfectly fine idea'),
    then: { view: { ideas: [{ title: 'A perfectly fine idea', status: 'review', own: true }] } },
  }));
  board('a title shorter than the board allows is refused', BOARD, (i) => ({ given: [], when: i('v1', 'Short'), then: { refused: 'invalid-idea' } }));
  board('more ideas than the daily limit are refused', BOARD, (i) => ({ given: [i('v1', 'The first idea today'), i('v1', 'The second idea today')], when: i('v1', 'The third idea today'), then: { refused: 'limit' } }));
  board('an upvote counts once per person', BOARD, (i, u) => {
    const idea = i('v1', 'Offline maps please');
    return { given: [idea], when: u('v2', idea.id), then: { view: { counts: { [idea.id]: 2 }, voters: 2, mine: [idea.id] } } };
  });
  board('upvoting again is harmless', BOARD, (i, u) => {
    const idea = i('v1', 'Offline maps please');
    return { given: [idea, u('v2', idea.id)], when: u('v2', idea.id), then: { view: { counts: { [idea.id]: 2 }, mine: [idea.id] } } };
  });
  board('an upvote can be taken back', BOARD, (i, u) => {
    const idea = i('v1', 'Offline maps please');
    return { given: [idea, u('v2', idea.id)], when: u('v2', idea.id, false), then: { view: { counts: { [idea.id]: 1 }, voters: 1, mine: [] } } };
  });
  board('another person’s waiting idea cannot be upvoted', MODERATED, (i, u) => {
    const idea = i('v1', 'Waiting for a moderator');
    return { given: [idea], when: u('v2', idea.id), then: { refused: 'not-found' } };
  });
  return cases;
}

/**
 * The cases, with widget and action ids unique to `scope` (a backend that keeps data between cases
 * runs each table with a new scope). `now` is when the actions are made.
 */
export function ruleCases(scope: string, now = Date.now()): RuleCase[] {
  const build = builders(scope, now);
  return [...voteCases(build), ...quizCases(build), ...boardCases(build)];
}
