/** Adapters for stories and tests: every state a widget can be in. No test-runner imports here. */
import { ideaRules, memoryAdapter, voterId, type KoloAdapter, type Seed, type SeedIdea, type WidgetKind, type WidgetRef, type RuleAdapter } from '@kolo/core';

/** An adapter whose every call fails like a dead network. */
export const failingAdapter = (): KoloAdapter => ({
  load: () => Promise.reject(new TypeError('Failed to fetch')),
  send: () => Promise.reject(new TypeError('Failed to fetch')),
});

/** An adapter that never answers (stays loading). */
export const hangingAdapter = (): KoloAdapter => ({
  load: () => new Promise(() => {}),
  send: () => new Promise(() => {}),
});

/** A memory adapter whose load fails until `heal()` is called. */
export function flakyAdapter() {
  const base = memoryAdapter();
  let broken = true;
  const adapter: KoloAdapter = {
    ...base,
    load: (w, v) => (broken ? Promise.reject(new TypeError('Failed to fetch')) : base.load(w, v)),
  };
  return { adapter, heal: () => (broken = false) };
}

/** Cast `voter`'s ballot straight through the adapter, as another page would. */
export const castVote = (adapter: KoloAdapter, voter: string, widget: WidgetRef, choices: string[], options: string[]) =>
  adapter.send({
    type: 'vote',
    id: `${voter}-${widget.kind}-${widget.id}-${choices.join('+')}`,
    voter,
    widget,
    choices,
    policy: { options, multiple: choices.length > 1, change: true },
    at: new Date().toISOString(),
  });

/** A memory adapter with starting counts where this browser's voter has already chosen `mine`. */
export function votedAdapter(kind: WidgetKind, id: string, options: string[], mine: string[], seed?: Seed): KoloAdapter {
  const adapter = memoryAdapter(seed ? { seed: { [`${kind}:${id}`]: seed } } : {});
  void castVote(adapter, voterId(), { kind, id }, mine, options);
  return adapter;
}

/** A small public board: one idea per public status, with upvotes. */
export const sampleIdeas: SeedIdea[] = [
  { id: 'dark', title: 'Dark mode for the mobile app', details: 'Easier on the eyes at night.', category: 'app', status: 'review', createdAt: '2026-10-01T09:00:00Z' },
  { id: 'offline', title: 'Offline maps', category: 'app', status: 'planned', createdAt: '2026-10-05T09:00:00Z' },
  { id: 'alerts', title: 'Alerts when my bus is late', category: 'web', status: 'progress', createdAt: '2026-10-10T09:00:00Z' },
  {
    id: 'export',
    title: 'Export my trips as CSV',
    status: 'done',
    createdAt: '2026-09-01T09:00:00Z',
    answer: 'Shipped in version 3.2: Settings → Export.',
    link: 'https://example.org/news/export',
  },
  { id: 'fax', title: 'Send tickets by fax', status: 'declined', createdAt: '2026-09-15T09:00:00Z', reason: 'Almost nobody has a fax machine any more.' },
];
export const sampleCounts = { dark: 42, offline: 17, alerts: 9, export: 30, fax: 2 };

/** A memory adapter holding `ideas` (by default the sample board) under `kind:id`. */
export const ideaAdapter = (id = 'roadmap', kind: WidgetKind = 'ideas', ideas = sampleIdeas, counts: Record<string, number> = sampleCounts) =>
  memoryAdapter({ seed: { [`${kind}:${id}`]: { counts, ideas } }, rules: [ideaRules] });

/** Submit an idea straight through the adapter as `voter`, as another page would. */
export const submitIdea = (adapter: KoloAdapter, voter: string, board: WidgetRef, title: string, moderated = false) => {
  // as a page with idea widgets does: the adapter learns the idea rules
  (adapter as Partial<RuleAdapter>).addRules?.(ideaRules);
  return adapter.send({
    type: 'idea',
    id: `${voter}-${title}`,
    voter,
    widget: board,
    idea: { title },
    honeypot: '',
    startedAt: new Date(0).toISOString(),
    policy: { moderated, minFillMs: 0, maxPerDay: 100, titleMin: 1, titleMax: 300, detailsMax: 5000, categories: [] },
    at: new Date().toISOString(),
  });
};
