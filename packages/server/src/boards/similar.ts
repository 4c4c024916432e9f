/**
 * Ideas like a title being typed, from the server for boards too big to hold in a browser: core
 * `similarIdeas`'s rule (at least half of the title's words in an idea's title, the last one maybe
 * half typed, most shared words first, then most upvoted) on 0008's trigram index of titles, bounded:
 * scored among the ideas holding a word that at most `CANDIDATES` ideas hold, and among the
 * `CANDIDATES` most upvoted of those holding a more common word (found at once walking the top index).
 */
import { LIMITS, stems } from '@kolo/core';
import type { Queryable, Row } from '../db/types.ts';
import { anywhere, IDEA_COLUMNS, Params, PUBLIC } from './page.ts';

const CANDIDATES = 200;

/** Up to `LIMITS.similarIdeas` ideas `voter` may see whose titles share words with `title`, each with `mine`. */
export async function similarRows(db: Queryable, kind: string, board: string, voter: string, title: string): Promise<Row[]> {
  const words = stems(title).slice(0, LIMITS.searchWords);
  // a word of one or two letters (or digits) cannot be looked up in a trigram index: it only counts
  const indexed = words.filter((w) => [...w].length >= 3);
  if (!indexed.length) return [];
  // the ideas holding each word, up to one beyond CANDIDATES (one statement)
  const held = await db.query<{ n: number; id: string }>(
    `select w.n, t.id from unnest($3::text[]) with ordinality w(pattern, n)
     cross join lateral (select t.id from kolo_idea_text t where t.kind = $1 and t.board = $2 and t.title ilike w.pattern limit ${CANDIDATES + 1}) t`,
    [kind, board, indexed.map(anywhere)],
  );
  const rare = new Set<string>();
  const common: string[] = [];
  indexed.forEach((w, i) => {
    const ids = held.filter((r) => Number(r.n) === i + 1).map((r) => r.id);
    if (ids.length > CANDIDATES) common.push(w);
    else for (const id of ids) rare.add(id);
  });
  if (!rare.size && !common.length) return [];
  const p = new Params();
  const [k, b, who] = [p.add(kind), p.add(board), p.add(voter)];
  const likes = words.map((w) => `t.title ilike ${p.add(anywhere(w))}`);
  const from = `select ${IDEA_COLUMNS}, i.merged_into, ${likes.map((l) => `(${l})::int`).join(' + ')} as score
    from kolo_ideas i join kolo_idea_text t on t.kind = i.kind and t.board = i.board and t.id = i.id where i.kind = ${k} and i.board = ${b}`;
  const parts = [
    ...(rare.size ? [`(${from} and i.id = any(${p.add([...rare])}::text[]))`] : []),
    ...(common.length
      ? [`(${from} and i.merged_into is null and (${common.map((w) => likes[words.indexOf(w)]).join(' or ')}) order by i.votes desc, i.created_at desc, i.id desc limit ${CANDIDATES})`]
      : []),
  ];
  const order = 'score desc, votes desc, created_at desc, id desc';
  return db.query(
    `select p.*, exists(select 1 from kolo_upvotes u where u.kind = ${k} and u.board = ${b} and u.voter = ${who} and u.idea = p.id) as mine from (
       select * from (${parts.join(' union ')}) i where ${seenBy(who)} and i.score >= ${Math.max(1, Math.ceil(words.length / 2))} order by ${order} limit ${LIMITS.similarIdeas}
     ) p order by ${order}`,
    p.values,
  );
}

/** ideas `who` may see among similar ones: public ones and their own waiting ones (never merged ones) */
const seenBy = (who: string) => `i.merged_into is null and (${PUBLIC} or (i.status = 'pending' and i.author = ${who}))`;
