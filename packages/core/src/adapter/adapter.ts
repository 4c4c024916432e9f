/**
 * The adapter contract: the only way a Kolo widget talks to a backend.
 *
 * Four methods, two of them optional. An adapter for another backend is a plain object
 * that implements `load` and `send`; `subscribe` adds live updates and `track` records signals.
 */
import type { Signal } from '../signals/signals.ts';

/** Which widget an action or a state belongs to. `id` is unique per kind on a site. */
export interface WidgetRef {
  kind: string;
  id: string;
}

/** What a widget shows: how many people chose what, and what this voter chose. */
export interface Tally {
  /** choice id → number of voters whose current ballot includes it */
  counts: Record<string, number>;
  /** number of distinct voters with a ballot */
  voters: number;
  /** this voter's current choices (empty when they have not voted) */
  mine: string[];
  /** quizzes: this voter's latest graded answer per question id */
  answers?: Record<string, Answer>;
  /**
   * idea boards and AMA questions: the ideas this voter may see (public ones and their own waiting
   * ones), in submission order; `counts` holds upvotes per idea id and `mine` the ideas they upvoted
   */
  ideas?: Idea[];
  /** how many of this voter's actions are kept on the device, waiting to be delivered (offline outbox) */
  queued?: number;
}

/**
 * Where an idea or question stands. `pending` waits for moderation and `rejected` was refused by a
 * moderator: both are visible only to their author. The public path is
 * `review` → `planned` → `progress` → `done`, or `declined`.
 */
export type IdeaStatus = 'pending' | 'rejected' | 'review' | 'planned' | 'progress' | 'done' | 'declined';

/** What a person writes in the idea form. `contact` goes to the team only, never back to a page. */
export interface IdeaDraft {
  title: string;
  details?: string;
  category?: string;
  contact?: string;
}

/** An idea as a board shows it. */
export interface Idea {
  id: string;
  title: string;
  details?: string;
  category?: string;
  status: IdeaStatus;
  /** ISO date-time of submission */
  createdAt: string;
  /** this voter submitted it */
  own: boolean;
  /** the team's public answer ("you asked, we did") */
  answer?: string;
  /** link to the announcement */
  link?: string;
  /** why it was declined or rejected */
  reason?: string;
}

/** The submission rules an adapter enforces for an idea board. */
export interface IdeaPolicy {
  /** new ideas wait for a moderator (`pending`) instead of going public (`review`) */
  moderated: boolean;
  /** submissions faster than this after the form was first touched are refused as automated */
  minFillMs: number;
  /** the most ideas one voter may submit in 24 hours */
  maxPerDay: number;
  titleMin: number;
  titleMax: number;
  detailsMax: number;
  /** allowed category ids; empty means the board has no categories */
  categories: string[];
}

/** Submit an idea (or an AMA question), with the anti-spam signals a server checks too. */
export interface IdeaAction {
  type: 'idea';
  id: string;
  voter: string;
  widget: WidgetRef;
  idea: IdeaDraft;
  /** the hidden field people never see; anything in it marks a bot */
  honeypot: string;
  /** ISO date-time when the person started filling in the form */
  startedAt: string;
  policy: IdeaPolicy;
  at: string;
}

/** Upvote an idea (`on`) or take the upvote back. */
export interface UpvoteAction {
  type: 'upvote';
  id: string;
  voter: string;
  widget: WidgetRef;
  idea: string;
  on: boolean;
  at: string;
}

/**
 * A moderator's decision: publish, reject, or move an idea along with a public answer.
 * Memory and local adapters accept it from the page (they hold one device's data); a server accepts
 * it only through its authenticated admin API.
 */
export interface ModerateAction {
  type: 'moderate';
  id: string;
  voter: string;
  widget: WidgetRef;
  idea: string;
  status: IdeaStatus;
  answer?: string;
  link?: string;
  reason?: string;
  at: string;
}

/** A graded quiz answer. */
export interface Answer {
  choices: string[];
  correct: boolean;
  /** the correct choices, so feedback can show them even when the page does not hold them */
  key: string[];
}

/**
 * The rules a ballot must obey. The memory and local adapters take them from the action;
 * a server uses its own registered copy and may ignore these.
 */
export interface VotePolicy {
  /** allowed choice ids */
  options: string[];
  /** more than one choice per ballot */
  multiple: boolean;
  /** the most choices per ballot when `multiple` */
  max?: number;
  /** a voter may replace or withdraw their ballot */
  change: boolean;
  /** ISO date-time after which no ballot is accepted */
  closesAt?: string;
}

/** Cast, replace or (with no choices) withdraw this voter's ballot. */
export interface VoteAction {
  type: 'vote';
  /** client-generated idempotency key: the same id is applied once */
  id: string;
  /** anonymous, stable per-browser voter id */
  voter: string;
  widget: WidgetRef;
  choices: string[];
  policy: VotePolicy;
  /** ISO date-time when the person acted */
  at: string;
}

/**
 * Answer one quiz question. Memory and local adapters grade with `key` (the correct choices from the
 * page's content); a server may keep the key off the page and grade with its own copy.
 */
export interface AnswerAction {
  type: 'answer';
  id: string;
  voter: string;
  widget: WidgetRef;
  question: string;
  choices: string[];
  /** the question's choice ids and whether several may be chosen */
  policy: { options: string[]; multiple: boolean };
  key?: string[];
  at: string;
}

export type KoloAction = VoteAction | AnswerAction | IdeaAction | UpvoteAction | ModerateAction;

export interface KoloAdapter {
  /** The current tally of a widget as seen by `voter`. */
  load(widget: WidgetRef, voter: string): Promise<Tally>;
  /** Apply an action; resolves with the tally after it, rejects with a {@link KoloError}. */
  send(action: KoloAction): Promise<Tally>;
  /** Push every later change of the widget's tally; returns the unsubscribe function. */
  subscribe?(widget: WidgetRef, voter: string, listener: (tally: Tally) => void): () => void;
  /** Record an analytics signal; fire and forget, never throws. */
  track?(signal: Signal): void;
}

export type KoloErrorCode = 'network' | 'rejected' | 'rate-limited';

/** Why an adapter could not do what was asked. */
export class KoloError extends Error {
  override name = 'KoloError';
  constructor(
    readonly code: KoloErrorCode,
    /** machine-readable reason for `rejected`, e.g. `closed`, `already-voted`, `invalid-choice` */
    readonly reason = '',
    message = reason || code,
    /** seconds to wait before trying again, for `rate-limited` */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** Any thrown value as a KoloError (unknown failures count as network failures). */
export const toKoloError = (e: unknown): KoloError =>
  e instanceof KoloError ? e : new KoloError('network', '', e instanceof Error ? e.message : String(e));

export const widgetKey = (w: WidgetRef): string => `${w.kind}:${w.id}`;
