/**
 * The adapter contract: the only way a Kolo widget talks to a backend.
 *
 * Four methods, two of them optional. An adapter for another backend is a plain object
 * that implements `load` and `send`; `subscribe` adds live updates and `track` records signals.
 */
import type { KoloAction } from './actions.ts';
import type { Signal } from './signals.ts';
import type { View } from './views.ts';
import type { IdeaStatus } from './statuses.ts';
import type { WidgetRef } from './widgets.ts';
import type { Bundle } from '../i18n/bundle.ts';
import type { KoloError } from './errors.ts';
import type { Follow, FollowAnswer } from './follows.ts';

/** Which of a board's ideas, in which order, from where: what a paging adapter sends its server. */
export interface BoardPageQuery {
  /** by upvotes (newest first among equals) or newest first */
  sort?: 'top' | 'new';
  /** one status, or all */
  status?: IdeaStatus | '';
  category?: string;
  /** words to search for in titles and details */
  search?: string;
  /** the page after the one that answered this `next` */
  cursor?: string;
  /** ideas per page (the server keeps to its own default and maximum) */
  limit?: number;
}

export interface KoloAdapter {
  /**
   * The current view of a widget as seen by `voter`. For a board, an adapter that pages (the HTTP
   * adapter) answers the ideas of `query` one page at a time (`View.next` is the following page's
   * cursor); one that does not (memory, local) ignores it and answers every idea. A load with a
   * `cursor` answers everything loaded so far for that query: the pages before it with this one
   * added (its ideas after theirs, counts and upvotes merged, the new `next`).
   */
  load(widget: WidgetRef, voter: string, query?: BoardPageQuery): Promise<View>;
  /**
   * A board's ideas with titles like `title` (at most 3, best first), as a view: the ideas, their
   * counts and this voter's upvotes among them. An adapter that pages offers it, so a form finds
   * similar ideas among all of a board's, not only the loaded ones; without it, a form looks among
   * the ideas it loaded (core `similarIdeas`).
   */
  similar?(widget: WidgetRef, voter: string, title: string): Promise<View>;
  /** Apply an action; resolves with the view after it, rejects with a KoloError. */
  send(action: KoloAction): Promise<View>;
  /**
   * Push every later change of the widget's view; returns the unsubscribe function. `error` comes
   * with the view when an action of this voter's that was kept for later (the HTTP adapter's outbox)
   * was refused, or could not be delivered and was given up: the view is then the one without it.
   */
  subscribe?(widget: WidgetRef, voter: string, listener: (view: View, error?: KoloError) => void): () => void;
  /**
   * Follow an idea or question by email ("Tell me when this changes"): a server that sends email
   * offers it (a board's view then says `notify`). Resolves `confirmed` when this voter confirmed the
   * email before; otherwise a confirmation was sent to it. Adapters without email (memory, local) leave it out.
   */
  follow?(voter: string, follow: Follow): Promise<FollowAnswer>;
  /** Record an analytics signal; fire and forget, never throws. */
  track?(signal: Signal): void;
  /** The adapter's own words, e.g. the HTTP adapter's "saved offline": widgets add them to theirs. */
  readonly messages?: readonly Bundle[];
}
