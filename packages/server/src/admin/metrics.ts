import { bannerClicks, isBallotKind, correctByQuestion, engagement, engagementByWidget, helpfulRatio, ideasPerMonth, responseTimes, votesOverTime, type WidgetKind, type WorkingHours, widgetKey } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { metricRows } from './metric-rows.ts';

export interface MetricsQuery {
  from: string;
  to: string;
  timeZone: string;
  /** hours for "answered within" */
  targetHours: number;
  workingHours?: WorkingHours | undefined;
}

/** Every metric of the site for a time range, computed with the core functions the console also uses. */
export async function siteMetrics(db: Db, q: MetricsQuery) {
  const range = { from: q.from, to: q.to };
  const { signals, ideas, counters } = await metricRows(db, q.from, q.to);
  const byWidget = new Map<string, typeof signals>();
  for (const s of signals) {
    const key = widgetKey({ kind: s.kind as WidgetKind, id: s.widget });
    (byWidget.get(key) ?? byWidget.set(key, []).get(key)!).push(s);
  }
  const votes: Record<string, Record<string, Record<string, number>>> = {};
  for (const [key, list] of byWidget) {
    if (!isBallotKind(list[0]!.kind)) continue;
    const v = votesOverTime(list, range, q.timeZone);
    if (Object.keys(v).length) votes[key] = v;
  }
  // keyed by widget, card and choice ids: objects without a prototype, so an id such as `constructor` is only an id
  const quizCounts: Record<string, Record<string, number>> = Object.create(null);
  const cards: Record<string, Record<string, Record<string, number>>> = Object.create(null);
  for (const c of counters) {
    if (c.kind === 'quiz') (quizCounts[c.widget] ??= Object.create(null))[c.choice] = c.n;
    else {
      const dot = c.widget.lastIndexOf('.');
      if (dot > 0) ((cards[c.widget.slice(0, dot)] ??= Object.create(null))[c.widget.slice(dot + 1)] ??= Object.create(null))[c.choice] = c.n;
    }
  }
  const boards = new Map<string, typeof ideas>();
  for (const i of ideas) {
    const key = `${i.kind}:${i.board}`;
    (boards.get(key) ?? boards.set(key, []).get(key)!).push(i);
  }
  return {
    range,
    timeZone: q.timeZone,
    targetHours: q.targetHours,
    workingHours: q.workingHours ?? null,
    site: engagement(signals, range),
    widgets: engagementByWidget(signals, range),
    votes,
    quizzes: Object.fromEntries(Object.entries(quizCounts).map(([id, c]) => [id, correctByQuestion(c)])),
    helpful: Object.fromEntries(Object.entries(cards).map(([id, c]) => [id, helpfulRatio(c)])),
    boards: Object.fromEntries(
      [...boards].map(([key, list]) => [key, { perMonth: ideasPerMonth(list, range, q.timeZone), responses: responseTimes(list, range, q.targetHours, q.workingHours) }]),
    ),
    banners: bannerClicks(signals, range),
  };
}
