import { describe, expect, it } from 'vitest';
import {
  bannerClicks,
  correctByQuestion,
  engagement,
  engagementByWidget,
  helpfulRatio,
  ideasPerMonth,
  localDay,
  responseTimes,
  votesOverTime,
  workingMs,
  type IdeaRow,
  type SignalRow,
  type WorkingHours,
} from '../index.ts';
import { engagementCases } from './engagement-cases.ts';

const s = (type: SignalRow['type'], voter: string, at: string, extra: Partial<SignalRow> = {}): SignalRow => ({ type, kind: 'poll', widget: 'p1', voter, at, ...extra });
const november = { from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };

const signals: SignalRow[] = [
  s('view', 'a', '2026-11-02T10:00:00Z'),
  s('view', 'a', '2026-11-03T10:00:00Z'),
  s('view', 'b', '2026-11-02T10:00:00Z'),
  s('view', 'c', '2026-11-02T10:00:00Z'),
  s('view', 'd', '2026-11-02T10:00:00Z'),
  s('interact', 'a', '2026-11-02T10:01:00Z'),
  s('submit', 'a', '2026-11-02T10:02:00Z', { data: { choices: 'video' } }),
  s('submit', 'b', '2026-11-23T23:30:00Z', { data: { choices: 'video text' } }),
  s('next-step', 'a', '2026-11-02T10:03:00Z', { data: { href: 'https://example.org' } }),
  s('next-step', 'a', '2026-11-02T10:04:00Z'),
  s('next-step', 'c', '2026-11-02T10:05:00Z'),
  // outside the range
  s('view', 'z', '2026-10-31T23:59:59Z'),
  s('submit', 'z', '2026-12-01T00:00:00Z', { data: { choices: 'video' } }),
];

describe('engagement', () => {
  it('counts views, viewers, actors, active share and next-step conversion in the range', () => {
    expect(engagement(signals, november)).toEqual({
      views: 5,
      uniqueViewers: 4,
      actors: 2,
      actorsWithoutView: 0,
      activeShare: 0.5,
      nextSteps: 3,
      // c followed a next step without acting first: only a counts
      nextStepConversion: 0.5,
    });
  });

  // the table the server's SQL runs too (packages/server/test/metrics.test.ts)
  it.each(engagementCases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const site = engagement(c.signals, c.range);
    const widgets = engagementByWidget(c.signals, c.range);
    for (const x of [site, ...Object.values(widgets)]) expect(x.activeShare ?? 0).toBeLessThanOrEqual(1);
    expect([site, widgets]).toEqual([c.site, c.widgets]);
  });

  it('answers an empty range with zeros and no ratios, never NaN', () => {
    expect(engagement(signals, { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' })).toEqual({
      views: 0,
      uniqueViewers: 0,
      actors: 0,
      actorsWithoutView: 0,
      activeShare: null,
      nextSteps: 0,
      nextStepConversion: null,
    });
  });

  it('splits by widget', () => {
    const per = engagementByWidget([...signals, s('view', 'x', '2026-11-05T00:00:00Z', { kind: 'quiz', widget: 'q' })], november);
    expect(Object.keys(per).sort()).toEqual(['poll:p1', 'quiz:q']);
    expect(per['quiz:q']).toMatchObject({ views: 1, actors: 0, activeShare: 0 });
  });
});

describe('votes over time', () => {
  it('buckets by local day: 23:30 UTC on the 23rd is the 24th in Kyiv', () => {
    expect(votesOverTime(signals, november, 'UTC')).toEqual({ '2026-11-02': { video: 1 }, '2026-11-23': { video: 1, text: 1 } });
    expect(votesOverTime(signals, november, 'Europe/Kyiv')).toEqual({ '2026-11-02': { video: 1 }, '2026-11-24': { video: 1, text: 1 } });
    expect(localDay('2026-11-23T23:30:00Z', 'America/Los_Angeles')).toBe('2026-11-23');
  });
});

describe('counters', () => {
  it('gives the share correct per quiz question and the helpful ratio per card', () => {
    expect(correctByQuestion({ 'link:answered': 4, 'link:correct': 3, 'signs:answered': 2, voters: 9 } as Record<string, number>)).toEqual({
      link: { answered: 4, correct: 3, share: 0.75 },
      signs: { answered: 2, correct: 0, share: 0 },
    });
    expect(helpfulRatio({ due: { yes: 3, no: 1 }, system: {} })).toEqual({ due: { yes: 3, no: 1, ratio: 0.75 }, system: { yes: 0, no: 0, ratio: null } });
  });

  it('counts help-banner clicks by kind of link', () => {
    const clicks = [
      s('next-step', 'a', '2026-11-02T10:00:00Z', { kind: 'help-banner', widget: 'odds', data: { href: 'tel:1', part: 'contact' } }),
      s('next-step', 'b', '2026-11-02T10:00:00Z', { kind: 'help-banner', widget: 'odds', data: { href: '/limits', part: 'tool' } }),
      s('next-step', 'c', '2026-11-02T10:00:00Z', { kind: 'help-banner', widget: 'odds', data: { href: '/x', part: 'tool' } }),
      s('dismiss', 'c', '2026-11-02T10:00:00Z', { kind: 'help-banner', widget: 'odds' }),
    ];
    expect(bannerClicks(clicks, november)).toEqual({ odds: { contact: 1, tool: 2 } });
  });
});

describe('ideas and response times', () => {
  const kyiv: WorkingHours = { timeZone: 'Europe/Kyiv', days: [1, 2, 3, 4, 5], start: 9, end: 18 };
  const idea = (id: string, createdAt: string, firstResponseAt: string | null, status: IdeaRow['status'] = 'review'): IdeaRow => ({ kind: 'ideas', board: 'roadmap', id, createdAt, status, firstResponseAt });
  // Kyiv is UTC+2 in November
  const ideas = [
    idea('fri', '2026-11-20T15:00:00Z', '2026-11-23T08:00:00Z', 'done'), // Fri 17:00 → Mon 10:00: 2 working hours
    idea('mon', '2026-11-23T08:00:00Z', '2026-11-23T08:30:00Z'), // Mon 10:00 → 10:30: half an hour
    idea('late', '2026-11-24T07:00:00Z', '2026-11-25T07:00:00Z'), // Tue 09:00 → Wed 09:00: 9 working hours
    idea('open', '2026-11-26T10:00:00Z', null),
    idea('oct', '2026-10-31T22:30:00Z', '2026-11-02T10:00:00Z', 'done'), // Oct 31 in UTC, Nov 1 in Kyiv
  ];

  it('measures working time across a weekend and nights', () => {
    expect(workingMs(Date.parse('2026-11-20T15:00:00Z'), Date.parse('2026-11-23T08:00:00Z'), kyiv) / 3_600_000).toBe(2);
    expect(workingMs(Date.parse('2026-11-21T10:00:00Z'), Date.parse('2026-11-22T10:00:00Z'), kyiv)).toBe(0);
    expect(workingMs(Date.parse('2026-11-24T07:00:00Z'), Date.parse('2026-11-25T07:00:00Z'), kyiv) / 3_600_000).toBe(9);
  });

  it('gives the median time to first response and the share answered within the target', () => {
    expect(responseTimes(ideas, november, 2, kyiv)).toEqual({ submitted: 4, responded: 3, medianHours: 2, withinTarget: 0.5 });
    // wall-clock hours without working hours: Fri → Mon is 65 hours
    expect(responseTimes(ideas, november, 2).medianHours).toBe(24);
    expect(responseTimes(ideas, { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z' }, 2)).toEqual({ submitted: 0, responded: 0, medianHours: null, withinTarget: null });
  });

  it('counts ideas per local month and how many are done', () => {
    const all = { from: '2026-10-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
    expect(ideasPerMonth(ideas, all, 'UTC')).toEqual({ '2026-10': { submitted: 1, done: 1 }, '2026-11': { submitted: 4, done: 1 } });
    expect(ideasPerMonth(ideas, all, 'Europe/Kyiv')).toEqual({ '2026-11': { submitted: 5, done: 2 } });
  });
});
