/**
 * The metrics a dialogue needs: whether people come back, how much content they make, and which
 * campaign's visitors follow the next step. The same definitions as the server's SQL (one table of
 * cases, dialogue-cases.ts, tests both).
 *
 * **Return after N days** (N = 7 and 30), per widget and for the whole site. An action is an
 * `interact` or `submit` signal. A person's first action is their earliest stored one (on that widget,
 * or anywhere on the site; signals are kept for the retention period, so "first" means first within
 * it). The people counted are those whose first action falls in the range. A person *returned* when
 * they acted again on a later local day (in the metrics' time zone) and less than N × 24 hours after
 * their first action. Only people whose first action is at least N days old at `asOf` (the time of the
 * request) are in the denominator (`eligible`): a person who started yesterday has had no chance to
 * return within 30 days yet, and counting them would bias the share down.
 *
 * **Content per week**: ideas and questions submitted (merged duplicates left out, as everywhere in
 * the metrics), per ISO week (`2041-W05`, Monday to Sunday, in the metrics' time zone), per board and
 * for the site.
 *
 * **Next-step conversion per campaign**: next-step clicks ÷ views of the signals that carry a
 * `campaign` (the widget's `campaign` attribute, its `utm_campaign`); signals without one are not
 * counted. Clicks over views, not people: a visitor who clicks twice counts twice, so it may pass 100 %.
 */
import { localDay } from './metrics.ts';
import { inRange, ratio, type IdeaRow, type Range, type SignalRow } from './rows.ts';

export interface ReturnShare {
  /** people whose first action is at least N days old */
  eligible: number;
  /** of those, people who acted again on a later day within N days */
  returned: number;
  /** returned ÷ eligible; null without eligible people */
  share: number | null;
}

export interface Returns {
  /** people whose first action falls in the range */
  newPeople: number;
  after7: ReturnShare;
  after30: ReturnShare;
}

/** What `returns` counts per widget or site, as the server's SQL counts it too (a type, so a database row can be one). */
export type ReturnCounts = {
  newPeople: number;
  eligible7: number;
  returned7: number;
  eligible30: number;
  returned30: number;
};

export const returnsOf = (c: ReturnCounts): Returns => ({
  newPeople: c.newPeople,
  after7: { eligible: c.eligible7, returned: c.returned7, share: ratio(c.returned7, c.eligible7) },
  after30: { eligible: c.eligible30, returned: c.returned30, share: ratio(c.returned30, c.eligible30) },
});

const DAY = 86_400_000;
const isAction = (s: SignalRow) => s.type === 'interact' || s.type === 'submit';

/** Return counts of one scope's actions (sorted by time), by person. */
function countReturns(actions: SignalRow[], range: Range, asOf: number, timeZone: string): ReturnCounts {
  const byVoter = new Map<string, SignalRow[]>();
  for (const s of actions) (byVoter.get(s.voter) ?? byVoter.set(s.voter, []).get(s.voter)!).push(s);
  const c: ReturnCounts = { newPeople: 0, eligible7: 0, returned7: 0, eligible30: 0, returned30: 0 };
  for (const list of byVoter.values()) {
    const first = list[0]!;
    if (!inRange(first.at, range)) continue;
    c.newPeople++;
    const t = Date.parse(first.at);
    const day = localDay(first.at, timeZone);
    for (const n of [7, 30] as const) {
      if (t + n * DAY > asOf) continue;
      c[`eligible${n}`]++;
      if (list.some((s) => Date.parse(s.at) < t + n * DAY && localDay(s.at, timeZone) > day)) c[`returned${n}`]++;
    }
  }
  return c;
}

/**
 * Return after 7 and 30 days for the site and per widget (`kind:id`). `signals` must hold every stored
 * action up to `asOf`, also those before the range (they decide whose first action is in it).
 */
export function returns(signals: SignalRow[], range: Range, asOf: string, timeZone: string): { site: Returns; widgets: Record<string, Returns> } {
  const end = Date.parse(asOf);
  const actions = signals.filter((s) => isAction(s) && Date.parse(s.at) < end).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const widgets = new Map<string, SignalRow[]>();
  for (const s of actions) {
    const key = `${s.kind}:${s.widget}`;
    (widgets.get(key) ?? widgets.set(key, []).get(key)!).push(s);
  }
  const out: Record<string, Returns> = {};
  for (const [key, list] of widgets) {
    const c = countReturns(list, range, end, timeZone);
    if (c.newPeople) out[key] = returnsOf(c);
  }
  return { site: returnsOf(countReturns(actions, range, end, timeZone)), widgets: out };
}

/** The ISO week (`2041-W05`) of an instant's local day in `timeZone`. */
export function isoWeek(at: string, timeZone: string): string {
  const [y, m, d] = localDay(at, timeZone).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // the Thursday of the same week decides the year
  date.setUTCDate(d + 3 - ((date.getUTCDay() + 6) % 7));
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / DAY + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface ContentPerWeek {
  /** per ISO week: ideas and questions submitted on the whole site */
  site: Record<string, { ideas: number; questions: number }>;
  /** per board (`kind:id`) and ISO week: items submitted */
  boards: Record<string, Record<string, number>>;
}

/** Ideas and questions submitted per ISO week in `range`, for the site and per board. */
export function contentPerWeek(ideas: IdeaRow[], range: Range, timeZone: string): ContentPerWeek {
  const out: ContentPerWeek = { site: {}, boards: {} };
  for (const i of ideas) {
    if (!inRange(i.createdAt, range)) continue;
    const week = isoWeek(i.createdAt, timeZone);
    const site = (out.site[week] ??= { ideas: 0, questions: 0 });
    site[i.kind === 'questions' ? 'questions' : 'ideas']++;
    const board = (out.boards[`${i.kind}:${i.board}`] ??= {});
    board[week] = (board[week] ?? 0) + 1;
  }
  return out;
}

export interface CampaignConversion {
  views: number;
  nextSteps: number;
  /** next-step clicks ÷ views; null without views */
  conversion: number | null;
}

/** Conversion from its counts, as the server's SQL counts them too. */
export const campaignConversionOf = (c: { views: number; nextSteps: number }): CampaignConversion => ({ views: c.views, nextSteps: c.nextSteps, conversion: ratio(c.nextSteps, c.views) });

/** A signal's campaign (`data.campaign`, a non-empty string), or null. */
export const campaignOf = (s: Pick<SignalRow, 'data'>): string | null => (typeof s.data?.campaign === 'string' && s.data.campaign ? s.data.campaign : null);

/** Views, next-step clicks and their ratio per campaign, from the signals in `range` that carry one. */
export function campaignConversion(signals: SignalRow[], range: Range): Record<string, CampaignConversion> {
  const counts = new Map<string, { views: number; nextSteps: number }>();
  for (const s of signals) {
    const campaign = campaignOf(s);
    if (campaign === null || (s.type !== 'view' && s.type !== 'next-step') || !inRange(s.at, range)) continue;
    const c = counts.get(campaign) ?? counts.set(campaign, { views: 0, nextSteps: 0 }).get(campaign)!;
    if (s.type === 'view') c.views++;
    else c.nextSteps++;
  }
  return Object.fromEntries([...counts].map(([k, c]) => [k, campaignConversionOf(c)]));
}
