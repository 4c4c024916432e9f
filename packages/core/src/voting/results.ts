import type { View } from '../contract/views.ts';
import { countOf } from '../contract/records.ts';

export interface ResultRow {
  id: string;
  label: string;
  count: number;
  /** whole percent; the rows always add up to 100 (or all 0 with no votes) */
  percent: number;
  /** this voter chose it */
  mine: boolean;
  /** has the most votes (ties included) */
  leading: boolean;
}

/**
 * Whole percentages that add up to exactly 100, by the largest-remainder method
 * (ties go to the earlier item, so the result is stable).
 */
export function percentages(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (!total) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    out[i]!++;
  }
  return out;
}

/** The result rows for a list of options (counts of unknown ids are ignored). */
export function resultRows(options: { id: string; label: string }[], tally: View): ResultRow[] {
  const counts = options.map((o) => Math.max(0, countOf(tally.counts, o.id)));
  const pct = percentages(counts);
  const top = Math.max(...counts);
  return options.map((o, i) => ({
    id: o.id,
    label: o.label,
    count: counts[i]!,
    percent: pct[i]!,
    mine: tally.mine.includes(o.id),
    leading: top > 0 && counts[i] === top,
  }));
}
