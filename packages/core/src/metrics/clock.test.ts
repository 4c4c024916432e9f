import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE, replyClock, serviceSchema, usualReplyHours } from '../index.ts';
import { clockCases } from './clock-cases.ts';

describe('the reply clock: the table of cases the server runs too', () => {
  it.each(clockCases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(replyClock(c.since, c.now, c.service)).toEqual({ waitingHours: c.waitingHours, targetHours: c.service.targetHours, leftHours: c.leftHours });
  });
});

describe('the usual reply time', () => {
  // Monday 2026-11-30, 9:00 UTC; each answered 1..5 working hours later the same day
  const answered = (hours: number[]) => hours.map((h) => ({ createdAt: '2026-11-30T09:00:00Z', firstResponseAt: new Date(Date.parse('2026-11-30T09:00:00Z') + h * 3_600_000).toISOString() }));

  it('is the median in working hours, rounded up to a whole hour', () => {
    expect(usualReplyHours(answered([1, 2, 2.5, 7, 8]), DEFAULT_SERVICE)).toBe(3);
    expect(usualReplyHours(answered([1, 2, 3, 7]), DEFAULT_SERVICE, 4)).toBe(3);
    // answered over the weekend: Friday 16:00 → Monday 10:00 is 2 working hours
    expect(usualReplyHours(Array(5).fill({ createdAt: '2026-12-04T16:00:00Z', firstResponseAt: '2026-12-07T10:00:00Z' }), DEFAULT_SERVICE)).toBe(2);
  });

  it('is at least one hour, and absent with fewer than five answered items', () => {
    expect(usualReplyHours(answered([0.1, 0.1, 0.2, 0.2, 0.3]), DEFAULT_SERVICE)).toBe(1);
    expect(usualReplyHours(answered([1, 2, 3, 4]), DEFAULT_SERVICE)).toBeUndefined();
  });
});

describe('the service setting', () => {
  it('takes the default, and refuses an end before the start, a day twice, an unknown time zone', () => {
    expect(serviceSchema.safeParse(DEFAULT_SERVICE).success).toBe(true);
    const bad = (s: object) => serviceSchema.safeParse({ ...DEFAULT_SERVICE, ...s }).error?.issues[0]?.path;
    expect(bad({ start: 17, end: 9 })).toEqual(['end']);
    expect(bad({ days: [1, 1] })).toEqual(['days']);
    expect(bad({ timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(bad({ targetHours: 0 })).toEqual(['targetHours']);
  });
});
