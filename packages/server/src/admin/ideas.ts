/** Ideas and questions as the team sees them: every status, votes, the author's anonymous id (for a ban) and contact. */
import type { Db, Row } from '../db/types.ts';
import { iso } from '../db/values.ts';
import { toIdea } from '../view.ts';
import { Params, after, cut, filters, orderBy, type PageQuery } from '../boards/page.ts';

const ADMIN_IDEA = 'id, title, details, category, contact, status, created_at, author, answer, link, reason, merged_into, first_response_at, votes';

/** An idea as the team sees it. */
const adminIdea = (r: Row) => ({
  ...toIdea('')(r),
  author: String(r.author),
  votes: Number(r.votes),
  ...(r.contact ? { contact: String(r.contact) } : {}),
  ...(r.merged_into ? { mergedInto: String(r.merged_into) } : {}),
  ...(r.first_response_at ? { firstResponseAt: iso(r.first_response_at) } : {}),
});

/** One page of a board's ideas, every status or one, newest (or oldest) first (merged ones too), and the cursor of the next page. */
export async function boardIdeas(db: Db, kind: string, board: string, q: PageQuery) {
  const p = new Params();
  const where = [`i.kind = ${p.add(kind)}`, `i.board = ${p.add(board)}`, ...filters(p, q).where, ...after(p, q.cursor)];
  const rows = await db.query(
    `select ${ADMIN_IDEA.split(', ').map((c) => `i.${c}`).join(', ')}, to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key
     from kolo_ideas i where ${where.join(' and ')} order by ${orderBy(q.order)} limit ${q.limit + 1}`,
    p.values,
  );
  const page = cut(rows, q.order, q.limit);
  return { ideas: page.rows.map(adminIdea), ...(page.next ? { next: page.next } : {}) };
}

/** Rows of `select kind, board, …` as ideas with their board. */
const withBoard = (rows: Row[]) => rows.map((r) => ({ kind: String(r.kind), board: String(r.board), ...adminIdea(r) }));

/** Every board's ideas and questions with kind, board and upvotes, by board, then oldest first (the export). */
export async function allIdeas(db: Db) {
  return withBoard(await db.query(`select kind, board, ${ADMIN_IDEA} from kolo_ideas i order by kind, board, created_at, id`));
}

/** The moderation queue: every board's ideas waiting for moderation, oldest first (the least time left on the reply clock first), or `newest` first. */
export async function queueIdeas(db: Db, newest: boolean) {
  return withBoard(await db.query(`select kind, board, ${ADMIN_IDEA} from kolo_ideas i where status = 'pending' and merged_into is null order by ${orderBy(newest ? 'admin' : 'left')}`));
}
