/**
 * The reply clock: how long an idea or question has waited for the team's first response, in working
 * hours, against the team's target (contract/service.ts); and a board's usual reply time, the median
 * of its recent first responses in the same hours. The server's queue, its `sla.breached` job and its
 * board view all count with these.
 */
import type { Service } from '../contract/service.ts';
import { local, median, type WorkingHours } from './rows.ts';

/** Milliseconds of working time between two instants. */
export function workingMs(fromMs: number, toMs: number, wh: WorkingHours): number {
  let t = fromMs;
  let total = 0;
  const start = wh.start * 60;
  const end = wh.end * 60;
  // each step ends at a window's end, a local midnight or the next window's start: a few per day
  while (t < toMs) {
    const { weekday, minutes } = local(t, wh.timeZone);
    const workday = wh.days.includes(weekday);
    if (workday && minutes >= start && minutes < end) {
      const step = Math.min((end - minutes) * 60_000, toMs - t);
      total += step;
      t += step;
    } else {
      t += Math.max(1, ((workday && minutes < start ? start : 1440) - minutes) * 60_000);
    }
  }
  return total;
}

export interface ReplyClock {
  /** working hours waited so far */
  waitingHours: number;
  targetHours: number;
  /** working hours left before the target; negative when overdue */
  leftHours: number;
}

/** The working hours of a service setting. */
export const workingHoursOf = (s: Service): WorkingHours => ({ timeZone: s.timeZone, days: s.days, start: s.start, end: s.end });

/** hours to two decimals (a clock shown to the team, not a measure for science) */
const round = (h: number) => Math.round(h * 100) / 100;

/** Working hours from `from` to `to` (ISO times; 0 when `to` is not after `from`). */
export const workingHoursBetween = (from: string, to: string, wh: WorkingHours): number => workingMs(Date.parse(from), Date.parse(to), wh) / 3_600_000;

/** The clock of an item waiting since `since`, at `now`. */
export function replyClock(since: string, now: string, s: Service): ReplyClock {
  const waitingHours = round(workingHoursBetween(since, now, workingHoursOf(s)));
  return { waitingHours, targetHours: s.targetHours, leftHours: round(s.targetHours - waitingHours) };
}

/**
 * "We usually reply within N hours": N, the median working hours from submission to first response
 * of `answered` items, rounded up to a whole hour (at least 1); undefined with fewer than `least` items.
 */
export function usualReplyHours(answered: { createdAt: string; firstResponseAt: string }[], s: Service, least = 5): number | undefined {
  if (answered.length < least) return undefined;
  const wh = workingHoursOf(s);
  return Math.max(1, Math.ceil(round(median(answered.map((a) => workingHoursBetween(a.createdAt, a.firstResponseAt, wh)))!)));
}
