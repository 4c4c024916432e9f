/**
 * A changelog's entries: computed from the boards an adapter holds (memory, local), paged, and a live
 * update merged into the pages shown. The server computes the same in SQL (packages/server
 * `changelog/page.ts`); both order entries newest first.
 */
import type { ChangelogEntry, View } from '../contract/views.ts';
import { countOf } from '../contract/records.ts';

/** Newest first; among entries of the same instant, by board and id (descending), so pages never skip one. */
export const newestFirst = (a: ChangelogEntry, b: ChangelogEntry): number =>
  Date.parse(b.at) - Date.parse(a.at) || (b.board + '\n' + b.id > a.board + '\n' + a.id ? 1 : b.board + '\n' + b.id < a.board + '\n' + a.id ? -1 : 0);

/**
 * The entries of boards as their views show them: the ideas done (on an AMA, the questions answered),
 * with their answer, link and upvotes; when each was done is the team's first response to it where
 * known (seeded ideas), else its creation.
 */
export function entriesOf(boards: readonly { key: string; view: View }[]): ChangelogEntry[] {
  const entries: ChangelogEntry[] = [];
  for (const { key, view } of boards) {
    for (const i of view.ideas ?? []) {
      if (i.status !== 'done') continue;
      const at = (i as { firstResponseAt?: string }).firstResponseAt ?? i.createdAt;
      entries.push({ board: key, id: i.id, title: i.title, ...(i.answer ? { answer: i.answer } : {}), ...(i.link ? { link: i.link } : {}), at, asked: countOf(view.counts, i.id) });
    }
  }
  return entries.sort(newestFirst);
}

/** The page of `entries` after `cursor` (here: how many came before, as a string), and the next cursor. */
export function pageOf(entries: ChangelogEntry[], limit: number, cursor?: string): View {
  const from = Number(cursor) || 0;
  const page = entries.slice(from, from + limit);
  return { counts: {}, voters: 0, mine: [], entries: page, ...(from + limit < entries.length ? { next: String(from + limit) } : {}) };
}

/**
 * A live update (the changelog's first page now) merged into the entries shown: its entries replace
 * those in the range it covers (down to its oldest entry; everything when it has no next page), so an
 * entry no longer done leaves; older pages already shown stay, and so does their cursor.
 */
export function mergeLive(shown: View, update: View): View {
  const fresh = update.entries ?? [];
  const oldest = fresh[fresh.length - 1];
  const older = update.next && oldest ? (shown.entries ?? []).filter((e) => newestFirst(oldest, e) < 0 && !fresh.some((f) => f.board === e.board && f.id === e.id)) : [];
  return { ...update, entries: [...fresh, ...older], next: older.length ? shown.next : update.next };
}
