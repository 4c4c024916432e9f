/** A big board's published ideas, imported in batches (`POST /v1/admin/import/:kind/:board`). */
import type { ImportIdea } from '@kolo/core';
import type { Db } from '../db/types.ts';

/**
 * Add a batch of ideas to a board in one statement (registering the board if the server does not know
 * it); an idea whose id the board already has is left as it is, so a batch may be sent again. How
 * many were new.
 */
export async function importIdeas(db: Db, kind: string, board: string, ideas: ImportIdea[]): Promise<number> {
  const rows = await db.query(
    `with w as (insert into kolo_widgets (kind, id) values ($1, $2) on conflict do nothing)
     insert into kolo_ideas (kind, board, id, title, details, category, status, author, created_at, answer, link, reason, first_response_at, votes)
     select $1, $2, x.id, x.title, x.details, x.category, x.status, '', x."createdAt", x.answer, x.link, x.reason, x."firstResponseAt", x.votes
     from json_to_recordset($3::json) as x(id text, title text, details text, category text, status text, "createdAt" timestamptz, answer text, link text, reason text, "firstResponseAt" timestamptz, votes int)
     on conflict (kind, board, id) do nothing returning id`,
    [kind, board, JSON.stringify(ideas)],
  );
  // PGlite has no autovacuum: without fresh statistics a board that grew by thousands of ideas at
  // once gets plans made for an empty one (PostgreSQL's autovacuum analyzes it on its own)
  if (db.driver === 'pglite') await db.query('analyze kolo_ideas, kolo_idea_text');
  return rows.length;
}
