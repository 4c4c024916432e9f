/**
 * What the metrics are computed from: stored signals and ideas as rows, a half-open range, working
 * hours, and the two small helpers every metric shares.
 */
import type { IdeaStatus } from '../contract/statuses.ts';
import type { SignalType } from '../contract/signals.ts';

export interface SignalRow {
  type: SignalType;
  kind: string;
  widget: string;
  voter: string;
  at: string;
  data?: Record<string, unknown> | null;
}

export interface IdeaRow {
  kind: string;
  board: string;
  id: string;
  createdAt: string;
  status: IdeaStatus;
  /** when the team first changed its status or answered it */
  firstResponseAt?: string | null;
}

export interface Range {
  from: string;
  to: string;
}

/** When the team works, for "answered within N working hours". `days`: 1 = Monday … 7 = Sunday. */
export interface WorkingHours {
  timeZone: string;
  days: number[];
  /** hours of the day, local: start inclusive, end exclusive */
  start: number;
  end: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The local calendar parts of an instant in `timeZone`. */
export function local(ms: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return {
    day: `${p.year}-${p.month}-${p.day}`,
    month: `${p.year}-${p.month}`,
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday!) + 1,
    minutes: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60,
  };
}

/** `at` falls in the half-open range [from, to). */
export const inRange = (at: string, r: Range) => {
  const t = Date.parse(at);
  return t >= Date.parse(r.from) && t < Date.parse(r.to);
};

/** a ÷ b, or null when b is 0 */
export const ratio = (a: number, b: number) => (b ? a / b : null);

/** The median of `values` (sorted here), or null when there are none. */
export function median(values: number[]): number | null {
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length ? (v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2) : null;
}
