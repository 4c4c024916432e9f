import type { Seed, SeedIdea } from '@kolo/core';

/** Ideas the demo board starts with (a real site would load its own). */
const roadmap: SeedIdea[] = [
  { id: 'dark-mode', title: 'Dark mode for the mobile app', details: 'Easier on the eyes on the night bus.', category: 'app', status: 'planned', createdAt: '2026-10-02T09:00:00Z', firstResponseAt: '2026-10-02T10:15:00Z' },
  { id: 'offline', title: 'Offline timetables', details: 'The signal is gone in the tunnels, the timetable should not be.', category: 'app', status: 'review', createdAt: '2026-10-12T09:00:00Z', firstResponseAt: '2026-10-12T13:00:00Z' },
  { id: 'late-alerts', title: 'Alert me when my bus is late', category: 'web', status: 'progress', createdAt: '2026-10-20T09:00:00Z', firstResponseAt: '2026-10-20T09:50:00Z' },
  {
    id: 'csv',
    title: 'Export my trips as a spreadsheet',
    category: 'web',
    status: 'done',
    createdAt: '2026-09-01T09:00:00Z',
    firstResponseAt: '2026-09-01T11:00:00Z',
    answer: 'Done in version 3.2: Settings → Export trips (CSV).',
    link: 'https://example.org/news/export',
  },
  { id: 'fax', title: 'Send tickets by fax', status: 'declined', createdAt: '2026-09-15T09:00:00Z', firstResponseAt: '2026-09-16T08:00:00Z', reason: 'Almost nobody has a fax machine any more.' },
];
const ama: SeedIdea[] = [
  { id: 'night-bus', title: 'When will the night bus run on weekdays?', status: 'review', createdAt: '2026-11-18T09:00:00Z', firstResponseAt: '2026-11-18T09:40:00Z' },
  {
    id: 'students',
    title: 'Is there a student discount?',
    status: 'done',
    createdAt: '2026-11-10T09:00:00Z',
    firstResponseAt: '2026-11-10T12:30:00Z',
    answer: 'Yes: 50% with a student card, from January.',
  },
];

/** Starting numbers for the demo's widgets, keyed `kind:id`: the local adapter shows them, the demo server stores them once. */
export const seeds: Record<string, Seed> = {
  'poll:digest': { counts: { daily: 14, weekly: 23 } },
  'poll:logo-2025': { counts: { round: 58, square: 41 } },
  'poll:rtl-demo': { counts: { a: 5, b: 3 } },
  'choice:digest-ab': { counts: { weekly: 31, daily: 44 } },
  'reactions:post-formats': { counts: { 'thumbs-up': 12, heart: 5, party: 2 } },
  'ideas:roadmap': { counts: { 'dark-mode': 41, offline: 27, 'late-alerts': 19, csv: 33, fax: 2 }, ideas: roadmap },
  'questions:friday': { counts: { 'night-bus': 12, students: 25 }, ideas: ama },
};
