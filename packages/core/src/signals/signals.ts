import type { ElementRef, Signal, SignalType } from '../contract/signals.ts';

/** A signal of this widget, now (what a widget reports back: the signal layer of every Kolo widget). */
export function createSignal(
  type: SignalType,
  widget: ElementRef,
  voter: string,
  data?: Signal['data'],
  at = new Date(),
): Signal {
  return { type, widget: { ...widget }, voter, at: at.toISOString(), ...(data ? { data } : {}) };
}
