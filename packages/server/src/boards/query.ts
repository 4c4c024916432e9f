/** A page's query parameters (core `boardPageQuerySchema`, `adminIdeasQuerySchema`), checked further: the cursor's content, the search's words. */
import { LIMITS, stems, type AdminIdeasParams, type BoardPageParams } from '@kolo/core';
import { decodeCursor } from './cursor.ts';
import type { PageQuery } from './page.ts';

/** What is wrong with a parameter: the 400 answer names `field`. */
export interface Refused {
  field: string;
  rule: string;
  message: string;
}

const badCursor: Refused = { field: 'cursor', rule: 'cursor', message: 'cursor: is not the next cursor of a page in this order; start again without it' };

/** A public board page's query, or what is wrong with it. */
export function boardQuery(p: BoardPageParams): PageQuery | Refused {
  const cursor = p.cursor === undefined ? undefined : decodeCursor(p.cursor, p.sort);
  if (p.cursor !== undefined && !cursor) return badCursor;
  const words = p.q ? stems(p.q) : [];
  if (words.length > LIMITS.searchWords) return { field: 'q', rule: 'words', message: `q: must hold at most ${LIMITS.searchWords} words` };
  return { order: p.sort, status: p.status, category: p.category || undefined, words, cursor, limit: p.limit };
}

/** The team's page query, or what is wrong with it. */
export function adminQuery(p: AdminIdeasParams): PageQuery | Refused {
  const order = p.sort === 'left' ? 'left' : 'admin';
  const cursor = p.cursor === undefined ? undefined : decodeCursor(p.cursor, order);
  if (p.cursor !== undefined && !cursor) return badCursor;
  return { order, status: p.status, cursor, limit: p.limit };
}

export const isRefused = (q: PageQuery | Refused): q is Refused => 'field' in q;
