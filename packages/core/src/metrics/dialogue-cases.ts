/**
 * The dialogue metrics' definitions (dialogue.ts) as one table of cases: signals and ideas, a range,
 * the time of the request (`asOf`), a time zone, and the return, content per week and per-campaign
 * conversion expected. Core (TypeScript) and the server's SQL (PGlite and PostgreSQL) both run it.
 * Each case lives in its own year (2044 on, after the engagement cases) with its own people and
 * boards, so a database can hold every case at once. Day 0 of a case is the Monday of its ISO week 1.
 */
import type { SignalType } from '../contract/signals.ts';
import type { CampaignConversion, ContentPerWeek, Returns } from './dialogue.ts';
import type { IdeaRow, Range, SignalRow } from './rows.ts';

export interface DialogueCase {
  name: string;
  range: Range;
  asOf: string;
  timeZone: string;
  signals: SignalRow[];
  ideas: IdeaRow[];
  returns: { site: Returns; widgets: Record<string, Returns> };
  content: ContentPerWeek;
  campaigns: Record<string, CampaignConversion>;
}

/** [type, person, day after day 0 (fractions are hours), widget `kind:id` (the case's first unless named), campaign] */
type Step = [type: SignalType, voter: string, day: number, widget?: string, campaign?: string];
/** [board `kind:id`, day] */
type Item = [board: string, day: number];

const MONDAYS = [Date.UTC(2044, 0, 4), Date.UTC(2045, 0, 2), Date.UTC(2046, 0, 1)];
const at = (n: number, day: number) => new Date(MONDAYS[n]! + Math.round(day * 86_400_000)).toISOString();
const h = (hours: number) => hours / 24;

const r = (newPeople: number, [e7, r7]: [number, number], [e30, r30]: [number, number]): Returns => ({
  newPeople,
  after7: { eligible: e7, returned: r7, share: e7 ? r7 / e7 : null },
  after30: { eligible: e30, returned: r30, share: e30 ? r30 / e30 : null },
});

interface Row {
  name: string;
  timeZone: string;
  first: string;
  steps: Step[];
  items?: Item[];
  returns: DialogueCase['returns'];
  content?: ContentPerWeek;
  campaigns?: Record<string, CampaignConversion>;
}

const table: Row[] = [
  {
    name: 'return: a later day within N × 24 h counts, the same day does not, nor exactly 7 days later; people whose first action is under N days old are left out of the denominator; a first action before the range is not new',
    timeZone: 'UTC',
    first: 'poll:p',
    steps: [
      ['submit', 'a', h(10)], ['interact', 'a', h(15)], ['submit', 'a', 9],
      ['view', 'b', 1], ['submit', 'b', 1 + h(23.5)], ['interact', 'b', 2 + h(0.5)],
      ['submit', 'c', 12], ['submit', 'c', 13],
      ['submit', 'd', -3], ['submit', 'd', 2], ['submit', 'd', 3],
      ['view', 'e', 1], ['next-step', 'e', 1], ['view', 'e', 2],
      ['submit', 'f', 15], ['submit', 'f', 16],
      ['submit', 'g', 5 + h(10)], ['submit', 'g', 12 + h(10)],
    ],
    items: [['ideas:b0', h(12)], ['ideas:b0', 2.5], ['ideas:b0', 6 + h(23)], ['ideas:b0', 7 + h(2)], ['questions:q0', 3], ['ideas:b0', -1]],
    returns: { site: r(4, [4, 2], [3, 3]), widgets: { 'poll:p': r(4, [4, 2], [3, 3]) } },
    content: { site: { '2044-W01': { ideas: 3, questions: 1 }, '2044-W02': { ideas: 1, questions: 0 } }, boards: { 'ideas:b0': { '2044-W01': 3, '2044-W02': 1 }, 'questions:q0': { '2044-W01': 1 } } },
  },
  {
    name: 'days and weeks are local: in Kyiv (UTC+2) 21:30Z and 22:30Z are two days, 23:30Z and 00:30Z one; Sunday 22:30Z is Monday',
    timeZone: 'Europe/Kyiv',
    first: 'choice:ab',
    steps: [['submit', 'a', 1 + h(21.5)], ['interact', 'a', 1 + h(22.5)], ['submit', 'b', 1 + h(23.5)], ['interact', 'b', 2 + h(0.5)]],
    items: [['ideas:b1', 6 + h(21)], ['ideas:b1', 6 + h(22.5)]],
    returns: { site: r(2, [2, 1], [2, 1]), widgets: { 'choice:ab': r(2, [2, 1], [2, 1]) } },
    content: { site: { '2045-W01': { ideas: 1, questions: 0 }, '2045-W02': { ideas: 1, questions: 0 } }, boards: { 'ideas:b1': { '2045-W01': 1, '2045-W02': 1 } } },
  },
  {
    name: 'the site and each widget apart: acting again on another widget is a return to the site only; next-step clicks ÷ views per campaign, signals without one left out',
    timeZone: 'UTC',
    first: 'poll:p',
    steps: [
      ['submit', 'h', 0], ['submit', 'h', 3, 'choice:ab'],
      ['submit', 'i', -2, 'choice:ab'], ['submit', 'i', 1], ['dismiss', 'i', 2],
      ['view', 'x', 1, 'poll:p', 'spring'], ['view', 'y', 1, 'poll:p', 'spring'], ['view', 'x', 2, 'choice:ab', 'spring'], ['view', 'z', 4, 'poll:p', 'spring'],
      ['next-step', 'x', 2, 'poll:p', 'spring'], ['next-step', 'y', 3, 'poll:p', 'autumn'], ['next-step', 'y', -1, 'poll:p', 'autumn'],
      ['view', 'x', 5], ['view', 'z', 5], ['next-step', 'z', 5],
    ],
    returns: { site: r(1, [1, 1], [1, 1]), widgets: { 'poll:p': r(2, [2, 0], [2, 0]), 'choice:ab': r(1, [1, 0], [1, 0]) } },
    campaigns: { spring: { views: 4, nextSteps: 1, conversion: 0.25 }, autumn: { views: 0, nextSteps: 1, conversion: null } },
  },
];

/** The cases: a range of two weeks from day 0, the request on day 40; people and boards are the case's own. */
export const dialogueCases: DialogueCase[] = table.map((c, n) => ({
  name: c.name,
  range: { from: at(n, 0), to: at(n, 14) },
  asOf: at(n, 40),
  timeZone: c.timeZone,
  signals: c.steps.map(([type, voter, day, widget = c.first, campaign]): SignalRow => {
    const [kind, id] = widget.split(':') as [string, string];
    return { type, kind, widget: id, voter: `dcase${n}-${voter}`, at: at(n, day), ...(campaign ? { data: { campaign } } : {}) };
  }),
  ideas: (c.items ?? []).map(([board, day], i): IdeaRow => {
    const [kind, id] = board.split(':') as [string, string];
    return { kind, board: id, id: `i${i}`, createdAt: at(n, day), status: 'review' };
  }),
  returns: c.returns,
  content: c.content ?? { site: {}, boards: {} },
  campaigns: c.campaigns ?? {},
}));
