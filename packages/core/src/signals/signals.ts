import type { WidgetRef } from '../adapter/adapter.ts';

/** What a widget reports back: the signal layer of every Kolo widget. */
export type SignalType = 'view' | 'interact' | 'submit' | 'next-step' | 'dismiss' | 'snooze';

export interface Signal {
  type: SignalType;
  widget: WidgetRef;
  /** anonymous per-browser id; nothing personal */
  voter: string;
  /** ISO date-time */
  at: string;
  data?: Record<string, string | number | boolean>;
}

export function createSignal(
  type: SignalType,
  widget: WidgetRef,
  voter: string,
  data?: Signal['data'],
  at = new Date(),
): Signal {
  return { type, widget: { ...widget }, voter, at: at.toISOString(), ...(data ? { data } : {}) };
}
