import { describe, expect, it } from 'vitest';
import { campaignConversion, contentPerWeek, isoWeek, returns } from '../index.ts';
import { dialogueCases } from './dialogue-cases.ts';

describe('dialogue metrics: the table of cases the server runs too', () => {
  it.each(dialogueCases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(returns(c.signals, c.range, c.asOf, c.timeZone)).toEqual(c.returns);
    expect(contentPerWeek(c.ideas, c.range, c.timeZone)).toEqual(c.content);
    expect(campaignConversion(c.signals, c.range)).toEqual(c.campaigns);
  });

  it('an ISO week is the week of its Thursday: 2026-12-31 and 2027-01-03 are 2026-W53, 2024-12-30 is 2025-W01', () => {
    const weeks = ['2026-12-28', '2027-01-03', '2027-01-04', '2024-12-29', '2024-12-30', '2021-01-03', '2041-01-07'].map((d) => isoWeek(`${d}T12:00:00Z`, 'UTC'));
    expect(weeks).toEqual(['2026-W53', '2026-W53', '2027-W01', '2024-W52', '2025-W01', '2020-W53', '2041-W02']);
  });

  it('everybody who started within the last N days is left out of the denominator: no share rather than 0 %', () => {
    const s = (voter: string, at: string) => ({ type: 'submit' as const, kind: 'poll', widget: 'p', voter, at });
    const r = returns([s('a', '2026-11-30T10:00:00Z'), s('a', '2026-12-01T10:00:00Z')], { from: '2026-11-01T00:00:00Z', to: '2026-12-02T00:00:00Z' }, '2026-12-02T00:00:00Z', 'UTC');
    expect(r.site).toEqual({ newPeople: 1, after7: { eligible: 0, returned: 0, share: null }, after30: { eligible: 0, returned: 0, share: null } });
  });
});
