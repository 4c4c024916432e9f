import { localAdapter, type SeedIdea } from '@kolo/core';
import { provideAdapter } from '@kolo/widgets';
import '@kolo/widgets/define';

/** Ideas the demo board starts with (a real site would load its own). */
const roadmap: SeedIdea[] = [
  { id: 'dark-mode', title: 'Dark mode for the mobile app', details: 'Easier on the eyes on the night bus.', category: 'app', status: 'planned', createdAt: '2026-10-02T09:00:00Z' },
  { id: 'offline', title: 'Offline timetables', details: 'The signal is gone in the tunnels, the timetable should not be.', category: 'app', status: 'review', createdAt: '2026-10-12T09:00:00Z' },
  { id: 'late-alerts', title: 'Alert me when my bus is late', category: 'web', status: 'progress', createdAt: '2026-10-20T09:00:00Z' },
  {
    id: 'csv',
    title: 'Export my trips as a spreadsheet',
    category: 'web',
    status: 'done',
    createdAt: '2026-09-01T09:00:00Z',
    answer: 'Done in version 3.2: Settings → Export trips (CSV).',
    link: 'https://example.org/news/export',
  },
  { id: 'fax', title: 'Send tickets by fax', status: 'declined', createdAt: '2026-09-15T09:00:00Z', reason: 'Almost nobody has a fax machine any more.' },
];
const ama: SeedIdea[] = [
  { id: 'night-bus', title: 'When will the night bus run on weekdays?', status: 'review', createdAt: '2026-11-18T09:00:00Z' },
  { id: 'students', title: 'Is there a student discount?', status: 'done', createdAt: '2026-11-10T09:00:00Z', answer: 'Yes: 50% with a student card, from January.' },
];

/**
 * The page's adapter: localStorage (the embedded default), with some starting votes and ideas so the
 * widgets have something to show. Without this the widgets use a plain localAdapter().
 */
export const adapter = localAdapter({
  seed: {
    'poll:digest': { counts: { daily: 14, weekly: 23 } },
    'poll:logo-2025': { counts: { round: 58, square: 41 } },
    'poll:rtl-demo': { counts: { a: 5, b: 3 } },
    'choice:digest-ab': { counts: { weekly: 31, daily: 44 } },
    'reactions:post-formats': { counts: { 'thumbs-up': 12, heart: 5, party: 2 } },
    'ideas:roadmap': { counts: { 'dark-mode': 41, offline: 27, 'late-alerts': 19, csv: 33, fax: 2 }, ideas: roadmap },
    'questions:friday': { counts: { 'night-bus': 12, students: 25 }, ideas: ama },
  },
});
provideAdapter(document, adapter);

const theme = document.querySelector<HTMLSelectElement>('#theme')!;
const applyTheme = () => {
  document.documentElement.style.colorScheme = theme.value || 'light dark';
  for (const el of document.querySelectorAll('*')) {
    if (!el.localName.startsWith('kolo-')) continue;
    if (theme.value) el.setAttribute('theme', theme.value);
    else el.removeAttribute('theme');
  }
};
theme.addEventListener('change', applyTheme);
applyTheme();

const log = document.querySelector('#log')!;
const EVENTS = ['kolo-vote', 'kolo-change', 'kolo-answer', 'kolo-complete', 'kolo-next-step', 'kolo-submit', 'kolo-submitted', 'kolo-upvote', 'kolo-slide', 'kolo-dismiss'] as const;
for (const type of EVENTS) {
  document.addEventListener(type, (e) => {
    const li = document.createElement('li');
    // kolo-change carries the whole tally: log its size, not thousands of ideas
    const detail = type === 'kolo-change' ? { ...e.detail, tally: `${Object.keys((e.detail as { tally: object }).tally).length} fields` } : e.detail;
    li.textContent = `${type} ${JSON.stringify(detail)}`;
    log.prepend(li);
    const href = (e.detail as { href?: string }).href;
    // stay on the demo page, except for links within it
    if (type === 'kolo-next-step' && !href?.includes('#')) e.preventDefault();
  });
}

document.querySelector('#reset')!.addEventListener('click', () => {
  for (const store of [localStorage, sessionStorage]) for (const key of Object.keys(store)) if (key.startsWith('kolo:')) store.removeItem(key);
  location.reload();
});

// the help page's region buttons
const banner = document.querySelector('kolo-help-banner');
for (const [id, region] of [['#region-ua', 'ua'], ['#region-de', 'de'], ['#region-auto', '']] as const) {
  document.querySelector(id)?.addEventListener('click', () => (region ? banner?.setAttribute('region', region) : banner?.removeAttribute('region')));
}
