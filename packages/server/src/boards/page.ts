/**
 * One page of a board, in one statement: keyset pages in the order of an index (0006's top and new,
 * 0008's per status), so a page costs the same on a board of 50 ideas or of 50,000. Searched words
 * match anywhere in an idea's title or details through 0008's trigram index.
 */
import { PUBLIC_STATUSES, type IdeaStatus } from '@kolo/core';
import type { Queryable, Row } from '../db/types.ts';
import { encodeCursor, type Cursor, type PageOrder } from './cursor.ts';

/** Which ideas, in which order, from where. */
export interface PageQuery {
  order: PageOrder;
  /** one status, or all ('' or none) */
  status?: IdeaStatus | '' | undefined;
  category?: string | undefined;
  /** word stems (core `stems`): each must be found in the title or the details */
  words?: string[] | undefined;
  /** the page after this row */
  cursor?: Cursor | undefined;
  limit: number;
}

/** Parameters of one statement, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** A LIKE pattern finding `word` anywhere (its own `%`, `_` and `\` taken literally). */
export const anywhere = (word: string) => `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

const ORDER: Record<PageOrder, (a: string) => string> = {
  top: (a) => `${a}.votes desc, ${a}.created_at desc, ${a}.id desc`,
  new: (a) => `${a}.created_at desc, ${a}.id desc`,
  admin: (a) => `${a}.created_at desc, ${a}.id desc`,
  left: (a) => `${a}.created_at, ${a}.id`,
};
export const orderBy = (order: PageOrder, alias = 'i') => ORDER[order](alias);

/** the idea's columns, and its creation time to the microsecond for the cursor */
export const IDEA_COLUMNS = 'i.id, i.title, i.details, i.category, i.status, i.created_at, i.author, i.answer, i.link, i.reason, i.votes';
export const COLUMNS = `${IDEA_COLUMNS}, to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key`;
export const PUBLIC = `i.status in (${PUBLIC_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const TEXT = 'join kolo_idea_text t on t.kind = i.kind and t.board = i.board and t.id = i.id';

/** The filters of `q` (status, category, words) as conditions on `i` (and `t`, joined when words are searched). */
export function filters(p: Params, q: Omit<PageQuery, 'order' | 'limit'>): { join: string; where: string[] } {
  const where: string[] = [];
  if (q.status) where.push(`i.status = ${p.add(q.status)}`);
  if (q.category) where.push(`i.category = ${p.add(q.category)}`);
  for (const w of q.words ?? []) where.push(`t.body ilike ${p.add(anywhere(w))}`);
  return { join: q.words?.length ? TEXT : '', where };
}

/** Rows after the cursor's, in its order. */
export function after(p: Params, c: Cursor | undefined): string[] {
  if (!c) return [];
  const at = `${p.add(c.at)}::timestamptz`;
  if (c.order === 'top') return [`(i.votes, i.created_at, i.id) < (${p.add(c.votes)}, ${at}, ${p.add(c.id)})`];
  return [`(i.created_at, i.id) ${c.order === 'left' ? '>' : '<'} (${at}, ${p.add(c.id)})`];
}

/** The cursor of the page after `rows` (fetched one beyond `limit`), and the rows of this page. */
export function cut<T extends Row>(rows: T[], order: PageOrder, limit: number): { rows: T[]; next?: string } {
  if (rows.length <= limit) return { rows };
  const last = rows[limit - 1]!;
  return { rows: rows.slice(0, limit), next: encodeCursor({ order, votes: Number(last.votes), at: String(last.at_key), id: String(last.id) }) };
}

/** searched words held by more ideas than this are looked for walking the page's index */
const FEW = 200;

/** The ideas of a board whose text holds every word, when they are at most `FEW` (the trigram index finds them); undefined when more do. */
async function holding(db: Queryable, kind: string, board: string, words: string[]): Promise<string[] | undefined> {
  const p = new Params();
  const rows = await db.query<{ id: string }>(
    `select t.id from kolo_idea_text t where t.kind = ${p.add(kind)} and t.board = ${p.add(board)} and ${words.map((w) => `t.body ilike ${p.add(anywhere(w))}`).join(' and ')} limit ${FEW + 1}`,
    p.values,
  );
  return rows.length > FEW ? undefined : rows.map((r) => r.id);
}

/**
 * A page of a board as `voter` sees it: public ideas (never merged ones), each with `mine` (the voter
 * upvoted it); on the first page, the voter's own waiting or rejected ideas first (as many as a page).
 */
export async function boardPage(db: Queryable, kind: string, board: string, voter: string, q: PageQuery): Promise<{ rows: Row[]; next?: string }> {
  const found = q.words?.length ? await holding(db, kind, board, q.words) : undefined;
  const p = new Params();
  const base = [`i.kind = ${p.add(kind)}`, `i.board = ${p.add(board)}`, 'i.merged_into is null'];
  const who = p.add(voter);
  const { join, where } = filters(p, q);
  // words few ideas hold: only those ideas are ordered (else the index walk below finds them at once)
  if (found) where.push(`i.id = any(${p.add(found)}::text[])`);
  const own = q.cursor
    ? ''
    : `(select 0 as grp, ${COLUMNS} from kolo_ideas i ${join}
        where ${[...base, "i.status in ('pending', 'rejected')", `i.author = ${who}`, ...where].join(' and ')}
        order by ${orderBy(q.order)} limit ${q.limit}) union all `;
  const rows = await db.query(
    `select p.*, exists(select 1 from kolo_upvotes u where u.kind = $1 and u.board = $2 and u.voter = ${who} and u.idea = p.id) as mine from (${own}
       (select 1 as grp, ${COLUMNS} from kolo_ideas i ${join}
        where ${[...base, PUBLIC, ...where, ...after(p, q.cursor)].join(' and ')}
        order by ${orderBy(q.order)} limit ${q.limit + 1})
     ) p order by p.grp, ${orderBy(q.order, 'p')}`,
    p.values,
  );
  const waiting = rows.filter((r) => Number(r.grp) === 0);
  const page = cut(rows.slice(waiting.length), q.order, q.limit);
  return { rows: [...waiting, ...page.rows], ...(page.next ? { next: page.next } : {}) };
}
