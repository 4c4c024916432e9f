/**
 * Engagement: views, viewers, actors, the active share and next-step conversion of a range's signals.
 * The same definition as the server's SQL (one table of cases, engagement-cases.ts, tests both).
 */
import { inRange, ratio, type Range, type SignalRow } from './rows.ts';

export interface Engagement {
  views: number;
  uniqueViewers: number;
  /** distinct people who interacted or submitted */
  actors: number;
  /**
   * actors without a counted view in the range (their view was not sent: a page left before the view
   * time, a view before the range, a blocked signal); they count as actors but not in the active share
   */
  actorsWithoutView: number;
  /** people who viewed and acted ÷ unique viewers: never above 1; null without viewers */
  activeShare: number | null;
  nextSteps: number;
  /** distinct people who followed a next step ÷ actors; null without actors */
  nextStepConversion: number | null;
}

/** Views, viewers, actors, active share and next-step conversion of the signals in `range`. */
export function engagement(signals: SignalRow[], range: Range): Engagement {
  const viewers = new Set<string>();
  const actors = new Set<string>();
  const followers = new Set<string>();
  let views = 0;
  let nextSteps = 0;
  for (const s of signals) {
    if (!inRange(s.at, range)) continue;
    if (s.type === 'view') {
      views++;
      viewers.add(s.voter);
    } else if (s.type === 'interact' || s.type === 'submit') actors.add(s.voter);
    else if (s.type === 'next-step') {
      nextSteps++;
      followers.add(s.voter);
    }
  }
  const viewedActors = [...actors].filter((v) => viewers.has(v)).length;
  return engagementOf({ views, uniqueViewers: viewers.size, actors: actors.size, viewedActors, nextSteps, converted: [...followers].filter((v) => actors.has(v)).length });
}

/** What `engagement` counts, as the server's SQL counts it too (a type, so a database row can be one). */
export type EngagementCounts = {
  views: number;
  uniqueViewers: number;
  actors: number;
  /** actors who also viewed (in the range) */
  viewedActors: number;
  nextSteps: number;
  /** actors who also followed a next step */
  converted: number;
};

/** Engagement from its counts: the active share is viewers who acted ÷ viewers, so it can't pass 100 %. */
export function engagementOf(c: EngagementCounts): Engagement {
  const { views, uniqueViewers, actors, nextSteps } = c;
  return {
    views,
    uniqueViewers,
    actors,
    actorsWithoutView: actors - c.viewedActors,
    activeShare: ratio(c.viewedActors, uniqueViewers),
    nextSteps,
    nextStepConversion: ratio(c.converted, actors),
  };
}

/** `engagement` per widget (`kind:id`). */
export function engagementByWidget(signals: SignalRow[], range: Range): Record<string, Engagement> {
  const groups = new Map<string, SignalRow[]>();
  for (const s of signals) {
    const key = `${s.kind}:${s.widget}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(s);
  }
  return Object.fromEntries([...groups].map(([key, list]) => [key, engagement(list, range)]));
}
