/** Widget kinds and the widget key: which widget an action, a view or a signal belongs to. */

/** Every kind of widget the protocol knows. */
export const WIDGET_KINDS = ['poll', 'choice', 'reactions', 'quiz', 'faq', 'ideas', 'questions', 'changelog'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

/** Kinds whose widgets hold idea boards (ideas, or AMA questions). */
export const BOARD_KINDS = ['ideas', 'questions'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

/** Kinds whose ballots are choices people make (poll, A/B choice, reactions): charted over time in the metrics. */
export const BALLOT_KINDS = ['poll', 'choice', 'reactions'] as const;

export const isWidgetKind = (kind: string): kind is WidgetKind => (WIDGET_KINDS as readonly string[]).includes(kind);
export const isBoardKind = (kind: string): kind is BoardKind => (BOARD_KINDS as readonly string[]).includes(kind);
export const isBallotKind = (kind: string): boolean => (BALLOT_KINDS as readonly string[]).includes(kind);
/** Kinds that take `vote` actions: the ballot kinds, and an FAQ card's "was this helpful?" (a tiny poll). */
export const isVotingKind = (kind: string): boolean => isBallotKind(kind) || kind === 'faq';

/** Which widget something belongs to. `id` is unique per kind on a site. */
export interface WidgetRef {
  kind: WidgetKind;
  id: string;
}

/** The one key of a widget, in the browser and on the server: `poll:format-2026` (kinds hold no ':'). */
export const widgetKey = (w: WidgetRef): string => `${w.kind}:${w.id}`;

/**
 * The widget a key names (the first ':' ends the kind). The kind is not checked here: where a key
 * comes from outside (a live stream's query), the contract's schema checks the result.
 */
export function parseWidgetKey(key: string): WidgetRef | undefined {
  const i = key.indexOf(':');
  return i > 0 ? { kind: key.slice(0, i) as WidgetKind, id: key.slice(i + 1) } : undefined;
}
