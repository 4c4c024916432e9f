/** The CSV exports: results (a row per widget and counter) and every idea and question. */
import { toCsv } from './csv.ts';
import type { allIdeas } from './ideas.ts';
import type { widgets } from './widgets.ts';

type Widgets = Awaited<ReturnType<typeof widgets>>;
type Ideas = Awaited<ReturnType<typeof allIdeas>>;

/** One row per widget and counter (a poll's options, a quiz's questions, a board's upvotes per idea). */
export const resultsCsv = (list: Widgets) =>
  toCsv(['kind', 'widget', 'choice', 'count', 'voters'], list.flatMap((w) => Object.entries(w.counts).map(([choice, n]) => [w.kind, w.id, choice, n, w.voters])));

/**
 * Every idea and question; who wrote each (`author`, their anonymous voter id) only with `author`, and
 * the contacts people left only with `contact` (an analyst's export has neither: ../http/admin.ts).
 */
export function ideasCsv(list: Ideas, o: { author: boolean; contact: boolean }) {
  const header = ['kind', 'board', 'id', 'title', 'details', 'category', 'status', 'votes', 'created_at', 'first_response_at', 'answer', 'link', 'reason', 'merged_into', ...(o.author ? ['author'] : []), ...(o.contact ? ['contact'] : [])];
  const rows = list.map((i) => [i.kind, i.board, i.id, i.title, i.details, i.category, i.status, i.votes, i.createdAt, i.firstResponseAt, i.answer, i.link, i.reason, i.mergedInto, ...(o.author ? [i.author] : []), ...(o.contact ? [i.contact] : [])]);
  return toCsv(header, rows);
}
