/**
 * Engagement metrics from stored signals, ideas and counters: pure functions, so the server's
 * endpoint, the team console and the tests compute the same numbers. Ranges are half-open
 * [from, to); days and months are bucketed in the given IANA time zone.
 */
import { inRange, local, median, ratio, type IdeaRow, type Range, type SignalRow, type WorkingHours } from './rows.ts';
import { workingMs } from './clock.ts';

export type { IdeaRow, Range, SignalRow, WorkingHours } from './rows.ts';
export * from './engagement.ts';
export * from './clock.ts';

/** The local day (`2026-11-24`) of an instant in `timeZone`. */
export const localDay = (at: string, timeZone: string): string => local(Date.parse(at), timeZone).day;

/** Votes per option per local day, from the `submit` signals of a voting widget (`data.choices`, space-separated). */
export function votesOverTime(signals: SignalRow[], range: Range, timeZone: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const s of signals) {
    if (s.type !== 'submit' || !inRange(s.at, range) || typeof s.data?.choices !== 'string') continue;
    const day = (out[localDay(s.at, timeZone)] ??= {});
    for (const c of s.data.choices.split(' ').filter(Boolean)) day[c] = (day[c] ?? 0) + 1;
  }
  return out;
}

/** Share of first attempts that were correct, per quiz question, from a quiz's counters. */
export function correctByQuestion(counts: Record<string, number>): Record<string, { answered: number; correct: number; share: number | null }> {
  const out: Record<string, { answered: number; correct: number; share: number | null }> = {};
  for (const [key, n] of Object.entries(counts)) {
    const m = /^(.*):answered$/.exec(key);
    if (!m) continue;
    const correct = counts[`${m[1]}:correct`] ?? 0;
    out[m[1]!] = { answered: n, correct, share: ratio(correct, n) };
  }
  return out;
}

/** "Was this helpful?" per card, from each card's counters (`yes`, `no`). */
export function helpfulRatio(cards: Record<string, Record<string, number>>): Record<string, { yes: number; no: number; ratio: number | null }> {
  return Object.fromEntries(
    Object.entries(cards).map(([card, c]) => {
      const yes = c.yes ?? 0;
      const no = c.no ?? 0;
      return [card, { yes, no, ratio: ratio(yes, yes + no) }];
    }),
  );
}

/** Ideas (or questions) submitted per local month in `range`, and how many of them are done. */
export function ideasPerMonth(ideas: IdeaRow[], range: Range, timeZone: string): Record<string, { submitted: number; done: number }> {
  const out: Record<string, { submitted: number; done: number }> = {};
  for (const i of ideas) {
    if (!inRange(i.createdAt, range)) continue;
    const m = (out[local(Date.parse(i.createdAt), timeZone).month] ??= { submitted: 0, done: 0 });
    m.submitted++;
    if (i.status === 'done') m.done++;
  }
  return out;
}

export interface ResponseTimes {
  submitted: number;
  /** submissions with a first response */
  responded: number;
  /** median hours to the first response (working hours when given); null without responses */
  medianHours: number | null;
  /** responded within `targetHours` ÷ submitted; null without submissions */
  withinTarget: number | null;
}

/**
 * Time to first response of the ideas submitted in `range`: submission → first status change or
 * answer, in working hours when `workingHours` is given (else wall-clock hours). Ideas still waiting
 * count as not answered within the target.
 */
export function responseTimes(ideas: IdeaRow[], range: Range, targetHours: number, workingHours?: WorkingHours): ResponseTimes {
  const hours: number[] = [];
  let submitted = 0;
  for (const i of ideas) {
    if (!inRange(i.createdAt, range)) continue;
    submitted++;
    if (!i.firstResponseAt) continue;
    const from = Date.parse(i.createdAt);
    const to = Date.parse(i.firstResponseAt);
    hours.push((workingHours ? workingMs(from, to, workingHours) : Math.max(0, to - from)) / 3_600_000);
  }
  return {
    submitted,
    responded: hours.length,
    medianHours: median(hours),
    withinTarget: ratio(hours.filter((h) => h <= targetHours).length, submitted),
  };
}

/** Help-banner link clicks per banner, by kind of link (`contact`, `tool`). */
export function bannerClicks(signals: SignalRow[], range: Range): Record<string, { contact: number; tool: number }> {
  const out: Record<string, { contact: number; tool: number }> = {};
  for (const s of signals) {
    if (s.kind !== 'help-banner' || s.type !== 'next-step' || !inRange(s.at, range)) continue;
    const b = (out[s.widget] ??= { contact: 0, tool: 0 });
    if (s.data?.part === 'tool') b.tool++;
    else b.contact++;
  }
  return out;
}
