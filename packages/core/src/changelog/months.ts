/** A changelog's entries grouped by month, newest month first, each named in the reader's language. */
import type { ChangelogEntry } from '../contract/views.ts';

export interface ChangelogMonth {
  /** `2026-11` */
  key: string;
  /** "November 2026", "листопад 2026 р.": the month in `lang` */
  label: string;
  entries: ChangelogEntry[];
}

/**
 * Consecutive entries (already newest first) grouped by the month they were done in, in `timeZone`
 * (by default the reader's).
 */
export function byMonth(entries: readonly ChangelogEntry[], lang: string, timeZone?: string): ChangelogMonth[] {
  const tz = timeZone ? { timeZone } : {};
  const name = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', ...tz });
  const parts = new Intl.DateTimeFormat('en', { year: 'numeric', month: '2-digit', ...tz });
  const months: ChangelogMonth[] = [];
  for (const e of entries) {
    const at = new Date(e.at);
    const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
    const key = `${p.year}-${p.month}`;
    const last = months[months.length - 1];
    if (last?.key === key) last.entries.push(e);
    else months.push({ key, label: name.format(at), entries: [e] });
  }
  return months;
}
