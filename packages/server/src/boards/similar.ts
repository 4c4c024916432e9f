/**
 * Ideas like a title being typed, from the server for boards too big to hold in a browser: core
 * `similarIdeas`'s rule (at least half of the title's words in an idea's title, the last one maybe
 * half typed, most shared words first, then most upvoted) on 0008's trigram index of titles.
 */
import { LIMITS, stems } from '@kolo/core';
import type { Queryable, Row } from '../db/types.ts';
import { anywhere, COLUMNS, Params, PUBLIC } from './page.ts';

/** Up to `LIMITS.similarIdeas` ideas `voter` may see whose titles share words with `title`, each with `mine`. */
export async function similarRows(db: Queryable, kind: string, board: string, voter: string, title: string): Promise<Row[]> {
  const words = stems(title).slice(0, LIMITS.searchWords);
  // a word of one or two letters (or digits) cannot be looked up in a trigram index: it only counts
  const indexed = words.filter((w) => [...w].length >= 3);
  if (!indexed.length) return [];
  const p = new Params();
  const [k, b, who] = [p.add(kind), p.add(board), p.add(voter)];
  const likes = words.map((w) => `t.title ilike ${p.add(anywhere(w))}`);
  const any = indexed.map((w) => likes[words.indexOf(w)]).join(' or ');
  const need = Math.max(1, Math.ceil(words.length / 2));
  return db.query(
    `select ${COLUMNS}, s.score, exists(select 1 from kolo_upvotes u where u.kind = i.kind and u.board = i.board and u.voter = ${who} and u.idea = i.id) as mine
     from kolo_idea_text t join kolo_ideas i on i.kind = t.kind and i.board = t.board and i.id = t.id
     cross join lateral (select ${likes.map((l) => `(${l})::int`).join(' + ')} as score) s
     where t.kind = ${k} and t.board = ${b} and (${any}) and i.merged_into is null and (${PUBLIC} or (i.status = 'pending' and i.author = ${who})) and s.score >= ${need}
     order by s.score desc, i.votes desc, i.created_at desc, i.id desc limit ${LIMITS.similarIdeas}`,
    p.values,
  );
}
