/** Ideas and questions as the team sees them: every status, votes, the author's anonymous id (for a ban) and contact. */
import type { Db, Row } from '../db/types.ts';
import { iso } from '../db/values.ts';
import { toIdea } from '../view.ts';

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

/** One board's ideas, every status or one. */
export async function boardIdeas(db: Db, kind: string, board: string, status?: string) {
  const rows = await db.query(`select ${ADMIN_IDEA} from kolo_ideas where kind = $1 and board = $2 and ($3::text is null or status = $3) order by created_at, id`, [kind, board, status ?? null]);
  return rows.map(adminIdea);
}

/**
 * Every board's ideas and questions with kind, board and upvotes, in one query: all of them (by
 * board, then oldest first), or with `waiting` only those waiting for moderation, oldest first (the queue).
 */
export async function allIdeas(db: Db, waiting = false) {
  const rows = await db.query(
    `select kind, board, ${ADMIN_IDEA} from kolo_ideas i ${waiting ? `where status = 'pending' and merged_into is null order by created_at, id` : 'order by kind, board, created_at, id'}`,
  );
  return rows.map((r) => ({ kind: String(r.kind), board: String(r.board), ...adminIdea(r) }));
}
