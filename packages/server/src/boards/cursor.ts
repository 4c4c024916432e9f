/**
 * A board page's cursor: base64url of the last row's sort key, opaque to clients and checked
 * strictly when it comes back (anything else is refused, naming `cursor`).
 */
import { LIMITS, storable } from '@kolo/core';

/**
 * What a page is ordered by: upvotes (`top`), newest first (`new`), or the team's list (`admin`, merged
 * ideas too), also oldest first (`left`: the least time left on the reply clock first).
 */
export type PageOrder = 'top' | 'new' | 'admin' | 'left';

/** The sort key of a row: its upvotes (`top` only), its creation time to the microsecond, its id. */
export interface Cursor {
  order: PageOrder;
  votes: number;
  at: string;
  id: string;
}

const TAG = { top: 't', new: 'n', admin: 'a', left: 'l' } as const;
/** an ISO time to the microsecond, in UTC, as the database writes it (`to_char` in ./page.ts) */
const AT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify(c.order === 'top' ? [TAG.top, c.votes, c.at, c.id] : [TAG[c.order], c.at, c.id])).toString('base64url');

/** The cursor `s` holds for `order`, or undefined when it is not one this server gave for that order. */
export function decodeCursor(s: string, order: PageOrder): Cursor | undefined {
  if (s.length > LIMITS.boardCursor || !/^[\w-]+$/.test(s)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(raw) || raw[0] !== TAG[order] || raw.length !== (order === 'top' ? 4 : 3)) return undefined;
  const [votes, at, id] = order === 'top' ? raw.slice(1) : [0, ...raw.slice(1)];
  if (!Number.isInteger(votes) || votes < 0 || votes > 2 ** 31 - 1) return undefined;
  // a real instant the database reads alike (no 2024-02-30, no year 0), and an id it can keep (no NUL)
  if (typeof at !== 'string' || !AT.test(at) || at < '1970' || new Date(at).toISOString().slice(0, 23) !== at.slice(0, 23)) return undefined;
  if (typeof id !== 'string' || !id.length || id.length > LIMITS.key || !storable(id)) return undefined;
  return { order, votes, at, id };
}
