/**
 * The engagement definition as one table of cases: signals, a range, and the site's and each widget's
 * engagement expected. Core `engagement` (TypeScript) and the server's SQL (PGlite and PostgreSQL) both
 * run it. Each case lives in its own month of 2041, so a database can hold every case at once.
 */
import type { SignalType } from '../contract/signals.ts';
import type { Engagement } from './engagement.ts';
import type { Range, SignalRow } from './rows.ts';

export interface EngagementCase {
  name: string;
  range: Range;
  signals: SignalRow[];
  site: Engagement;
  /** by `kind:id` */
  widgets: Record<string, Engagement>;
}

type Step = [type: SignalType, voter: string, widget?: string, minute?: number];

/** Case `n`'s signals: a widget `kind:id` (the first one unless named), a minute into its month (−1: before it). */
function placed(n: number, steps: Step[], first: string) {
  const month = Date.UTC(2041, n, 1);
  const range = { from: new Date(month).toISOString(), to: new Date(Date.UTC(2041, n + 1, 1)).toISOString() };
  const signals = steps.map(([type, voter, widget = first, minute]): SignalRow => {
    const [kind, id] = widget.split(':') as [string, string];
    const at = minute === -1 ? month - 60_000 : month + ((minute ?? 0) + 1) * 60_000;
    return { type, kind, widget: id, voter: `case${n}-${voter}`, at: new Date(at).toISOString() };
  });
  return { range, signals };
}

const e = (views: number, uniqueViewers: number, actors: number, actorsWithoutView: number, activeShare: number | null, nextSteps = 0, nextStepConversion: number | null = actors ? 0 : null): Engagement => ({
  views,
  uniqueViewers,
  actors,
  actorsWithoutView,
  activeShare,
  nextSteps,
  nextStepConversion,
});

const table: [name: string, first: string, steps: Step[], site: Engagement, widgets?: Record<string, Engagement>][] = [
  [
    'people who act without a counted view are counted apart: the share stays at 100 % (a choice showed 250 %)',
    'choice:ab',
    [['view', 'a'], ['view', 'b'], ['submit', 'a'], ['submit', 'b'], ['submit', 'c'], ['submit', 'd'], ['interact', 'e']],
    e(2, 2, 5, 3, 1),
  ],
  [
    'reactions: 7 viewers, 10 reacted, 3 of them without a view (it showed 142.9 %)',
    'reactions:post',
    [...'abcdefg'.split('').map((v): Step => ['view', v]), ...'abcdefghij'.split('').map((v): Step => ['submit', v])],
    e(7, 7, 10, 3, 1),
  ],
  [
    'a viewer who did not act and an actor who did not view: half the viewers acted, one actor apart',
    'poll:p',
    [['view', 'a'], ['view', 'a'], ['view', 'b'], ['interact', 'a'], ['submit', 'a'], ['submit', 'c'], ['next-step', 'c']],
    e(3, 2, 2, 1, 0.5, 1, 0.5),
  ],
  [
    'a view before the range does not count: no viewers, no share, the actor apart',
    'poll:p',
    [['view', 'a', 'poll:p', -1], ['submit', 'a']],
    e(0, 0, 1, 1, null),
  ],
  [
    'a person who viewed one widget and acted on another: seen for the site, without a view on that widget',
    'poll:p',
    [['view', 'a', 'poll:p'], ['view', 'b', 'poll:p'], ['submit', 'a', 'choice:ab'], ['submit', 'c', 'choice:ab']],
    e(2, 2, 2, 1, 0.5),
    { 'poll:p': e(2, 2, 0, 0, 0), 'choice:ab': e(0, 0, 2, 2, null) },
  ],
];

/** The cases (each widget's engagement is the site's when the case has one widget). */
export const engagementCases: EngagementCase[] = table.map(([name, first, steps, site, widgets], n) => ({
  name,
  ...placed(n, steps, first),
  site,
  widgets: widgets ?? { [first]: site },
}));
