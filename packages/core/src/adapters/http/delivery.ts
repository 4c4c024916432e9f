/**
 * Delivering the outbox: in order, each action exactly once (idempotency keys), and never silently
 * dropped. What each answer means for a kept action:
 * - accepted: it leaves the outbox with the server's view;
 * - a limit (429): it stays, and nothing of this outbox is sent before the server's `Retry-After`
 *   (between 1 s and 10 minutes; 30 s when the answer does not say);
 * - a refusal of the contract's table (closed, banned, invalid…): it will never pass, so it leaves,
 *   and the widgets that show it are told (`answered` with the error) as a direct refusal is shown;
 * - a failure (5xx, no answer, a time-out): it stays and is tried again, backing off from 2 s,
 *   doubling, to 5 minutes, with jitter; after 10 failed tries (counted across reloads, not while
 *   the device is offline) it is given up, and the widgets say it could not be saved. It leaves
 *   storage then: kept, it would go on showing as saved, or be applied long after the person was
 *   told it was not.
 */
import { toKoloError, type KoloError } from '../../contract/errors.ts';
import type { KoloAction } from '../../contract/actions.ts';
import type { View } from '../../contract/views.ts';
import type { WidgetRef } from '../../contract/widgets.ts';
import { QUEUEABLE, type Outbox } from './outbox.ts';

export const RETRY = {
  /** the first back-off after a failure, ms */
  first: 2000,
  /** the longest back-off, ms */
  most: 5 * 60_000,
  /** failed tries before an action is given up */
  tries: 10,
  /** the longest wait a limit's `Retry-After` can impose, ms */
  limitMost: 10 * 60_000,
  /** the wait after a limit that does not say how long, ms */
  limitDefault: 30_000,
} as const;

/** The back-off after the `tries`-th failure: doubling from `first` up to `most`, times 0.5 to 1 (jitter). */
export const backoff = (tries: number, random = Math.random): number =>
  Math.min(RETRY.first * 2 ** Math.max(0, tries - 1), RETRY.most) * (0.5 + random() / 2);

/** How long a limit makes the outbox wait, from its `Retry-After` seconds. */
export const limitWait = (seconds: number | undefined): number =>
  Math.min(Math.max(seconds ? seconds * 1000 : RETRY.limitDefault, 1000), RETRY.limitMost);

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Told when a kept action leaves the outbox: with the server's view, or with why it never will be stored. */
export type Answered = (a: KoloAction, view: View | null, error?: KoloError) => void;

export function delivery(box: Outbox, post: (a: KoloAction) => Promise<View>, answered: Answered) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** a limit's pause: nothing is sent before */
  let until = 0;
  let flushing: Promise<void> | undefined;
  /** the outcome of the last try of the actions a `send` waits for */
  const watched = new Map<string, View | KoloError | undefined>();

  const wait = (ms: number) => {
    clearTimeout(timer);
    if (box.queue().length) timer = setTimeout(() => void flush(), ms);
  };

  /** A try failed: whether the action left the outbox (refused, given up), so the round goes on. */
  function failed(a: KoloAction, e: KoloError): boolean {
    if (watched.has(a.id)) watched.set(a.id, e);
    if (e.code === 'rate-limited') {
      until = Date.now() + limitWait(e.retryAfter);
      wait(until - Date.now());
      return false;
    }
    const tries = e.code === 'network' ? (offline() ? box.tries(a.id) : box.failed(a.id)) : RETRY.tries;
    if (tries < RETRY.tries) {
      wait(backoff(tries));
      return false;
    }
    box.remove(a.id);
    answered(a, null, e);
    return true;
  }

  /** Send the kept actions, oldest first, until one has to wait (a later one never overtakes it). */
  async function round(): Promise<void> {
    const tried = new Set<string>();
    for (let a: KoloAction | undefined; (a = box.queue().find((x) => !tried.has(x.id))); ) {
      if (Date.now() < until) return wait(until - Date.now());
      tried.add(a.id);
      let v: View;
      try {
        v = await post(a);
      } catch (e) {
        if (failed(a, toKoloError(e))) continue;
        return;
      }
      if (watched.has(a.id)) watched.set(a.id, v);
      box.remove(a.id);
      answered(a, v);
    }
  }

  /** Deliver what is kept; `force`: now, even before a limit's `Retry-After` (someone asked for it). */
  function flush(force = false): Promise<void> {
    if (force) until = 0;
    flushing ??= round().finally(() => (flushing = undefined));
    return flushing;
  }

  /** Deliver `a` (just added) with the others: its view, its refusal, or undefined while it waits. */
  async function deliver(a: KoloAction): Promise<View | KoloError | undefined> {
    watched.set(a.id, undefined);
    await flush();
    // a round already under way may have finished before it reached `a`
    if (watched.get(a.id) === undefined && box.has(a.id)) await flush();
    const out = watched.get(a.id);
    watched.delete(a.id);
    return out;
  }

  return { flush, deliver, stop: () => clearTimeout(timer) };
}
export type Delivery = ReturnType<typeof delivery>;

/**
 * Send an action. Votes and upvotes go through the outbox: after the ones kept before them (the server
 * sees them in the order they were made), and kept while they cannot be delivered, shown as queued
 * (`seen`: the last view with the kept actions on top). Other actions need the server's word at once.
 */
export function sending(box: Outbox, deliver: Delivery, post: (a: KoloAction) => Promise<View>, keep: (w: WidgetRef, voter: string, v: View) => void, seen: (a: KoloAction) => View) {
  return async (action: KoloAction): Promise<View> => {
    if (!QUEUEABLE.has(action.type)) {
      const v = await post(action);
      keep(action.widget, action.voter, v);
      return box.projected(action.widget, action.voter, v);
    }
    box.add(action);
    const out = await deliver.deliver(action);
    // refused, or given up: the person is told, as for any refusal
    if (out instanceof Error && !box.has(action.id)) throw out;
    return out && !(out instanceof Error) ? box.projected(action.widget, action.voter, out) : seen(action);
  };
}
