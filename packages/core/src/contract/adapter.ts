/**
 * The adapter contract: the only way a Kolo widget talks to a backend.
 *
 * Four methods, two of them optional. An adapter for another backend is a plain object
 * that implements `load` and `send`; `subscribe` adds live updates and `track` records signals.
 */
import type { KoloAction } from './actions.ts';
import type { Signal } from './signals.ts';
import type { View } from './views.ts';
import type { WidgetRef } from './widgets.ts';
import type { Bundle } from '../i18n/bundle.ts';
import type { KoloError } from './errors.ts';

export interface KoloAdapter {
  /** The current view of a widget as seen by `voter`. */
  load(widget: WidgetRef, voter: string): Promise<View>;
  /** Apply an action; resolves with the view after it, rejects with a KoloError. */
  send(action: KoloAction): Promise<View>;
  /**
   * Push every later change of the widget's view; returns the unsubscribe function. `error` comes
   * with the view when an action of this voter's that was kept for later (the HTTP adapter's outbox)
   * was refused, or could not be delivered and was given up: the view is then the one without it.
   */
  subscribe?(widget: WidgetRef, voter: string, listener: (view: View, error?: KoloError) => void): () => void;
  /** Record an analytics signal; fire and forget, never throws. */
  track?(signal: Signal): void;
  /** The adapter's own words, e.g. the HTTP adapter's "saved offline": widgets add them to theirs. */
  readonly messages?: readonly Bundle[];
}
