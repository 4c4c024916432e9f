import { campaignConversionOf, contentPerWeek, correctByQuestion, type Engagement, engagementOf, type Returns, returnsOf, helpfulRatio, type SignedShare, ideasPerMonth, responseTimes, type WorkingHours } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { campaignCounts, returnCounts } from './dialogue-rows.ts';
import { answerCounters, bannerCounts, engagementCounts, ideaRows, signedCounts, votesByDay } from './metric-rows.ts';

export interface MetricsQuery {
  from: string;
  to: string;
  timeZone: string;
  /** hours for "answered within" */
  targetHours: number;
  workingHours?: WorkingHours | undefined;
  /** the time of the request, for return after N days (whose first action is N days old); default now */
  asOf?: string | undefined;
}

/** Every metric of the site for a time range: signals counted by the database, then shaped by the core functions the console also uses. */
export async function siteMetrics(db: Db, q: MetricsQuery) {
  const range = { from: q.from, to: q.to };
  const asOf = q.asOf ?? new Date().toISOString();
  const [counts, votes, banners, ideas, counters, back, campaigns, signed] = await Promise.all([
    engagementCounts(db, q.from, q.to),
    votesByDay(db, q.from, q.to, q.timeZone),
    bannerCounts(db, q.from, q.to),
    ideaRows(db, q.from, q.to),
    answerCounters(db, q.from, q.to),
    returnCounts(db, q.from, q.to, asOf, q.timeZone),
    campaignCounts(db, q.from, q.to),
    signedCounts(db, q.from, q.to),
  ]);
  const returning: Record<string, Returns> = Object.create(null);
  for (const c of back) if (c.kind !== null) returning[`${c.kind}:${c.widget}`] = returnsOf(c);
  const widgets: Record<string, Engagement> = Object.create(null);
  for (const c of counts) if (c.kind !== null) widgets[`${c.kind}:${c.widget}`] = engagementOf(c);
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
    site: engagementOf(counts.find((c) => c.kind === null)!),
    widgets,
    votes,
    quizzes: Object.fromEntries(Object.entries(quizCounts).map(([id, c]) => [id, correctByQuestion(c)])),
    helpful: Object.fromEntries(Object.entries(cards).map(([id, c]) => [id, helpfulRatio(c)])),
    boards: Object.fromEntries(
      [...boards].map(([key, list]) => [key, { perMonth: ideasPerMonth(list, range, q.timeZone), responses: responseTimes(list, range, q.targetHours, q.workingHours) }]),
    ),
    banners,
    asOf,
    returns: { site: returnsOf(back[0]!), widgets: returning },
    content: contentPerWeek(ideas, range, q.timeZone),
    campaigns: Object.fromEntries(campaigns.map(({ campaign, ...c }) => [campaign, campaignConversionOf(c)])),
    /** the share of ballots, answers and ideas in the range made by signed people */
    signed: { ...signed, share: signed.actions ? signed.signed / signed.actions : null } satisfies SignedShare,
  };
}
