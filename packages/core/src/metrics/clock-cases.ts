/**
 * The reply clock's cases (clock.ts): a service setting, when an item arrived, when it is looked at,
 * and the working hours waited and left. Core runs them on `replyClock`; the server runs them through
 * its queue (`asOf`) on PGlite and PostgreSQL. 2026-11-30 is a Monday.
 */
import { DEFAULT_SERVICE, type Service } from '../contract/service.ts';

export interface ClockCase {
  name: string;
  service: Service;
  since: string;
  now: string;
  waitingHours: number;
  leftHours: number;
}

const kyiv: Service = { targetHours: 8, timeZone: 'Europe/Kyiv', days: [1, 2, 3, 4, 5], start: 9, end: 17 };
const riyadh: Service = { targetHours: 24, timeZone: 'Asia/Riyadh', days: [7, 1, 2, 3, 4], start: 8, end: 16 };

export const clockCases: ClockCase[] = [
  { name: 'within one working day', service: DEFAULT_SERVICE, since: '2026-11-30T10:00:00Z', now: '2026-11-30T13:30:00Z', waitingHours: 3.5, leftHours: 44.5 },
  { name: 'the night does not count', service: DEFAULT_SERVICE, since: '2026-11-30T16:00:00Z', now: '2026-12-01T10:00:00Z', waitingHours: 2, leftHours: 46 },
  { name: 'the weekend does not count', service: DEFAULT_SERVICE, since: '2026-12-04T16:00:00Z', now: '2026-12-07T10:00:00Z', waitingHours: 2, leftHours: 46 },
  { name: 'sent on Saturday, Monday 9:00 is still zero', service: DEFAULT_SERVICE, since: '2026-12-05T12:00:00Z', now: '2026-12-07T09:00:00Z', waitingHours: 0, leftHours: 48 },
  { name: 'overdue: the hours left are negative', service: DEFAULT_SERVICE, since: '2026-11-30T09:00:00Z', now: '2026-12-08T12:00:00Z', waitingHours: 51, leftHours: -3 },
  { name: 'the team’s time zone (Kyiv, UTC+2): 8:00 local is before work', service: kyiv, since: '2026-11-30T06:00:00Z', now: '2026-11-30T08:30:00Z', waitingHours: 1.5, leftHours: 6.5 },
  { name: 'a Sunday-to-Thursday week (Riyadh, UTC+3)', service: riyadh, since: '2026-12-03T12:00:00Z', now: '2026-12-06T06:00:00Z', waitingHours: 2, leftHours: 22 },
  { name: 'looked at before it arrived (a clock behind): zero, not negative', service: DEFAULT_SERVICE, since: '2026-11-30T12:00:00Z', now: '2026-11-30T11:00:00Z', waitingHours: 0, leftHours: 48 },
];
