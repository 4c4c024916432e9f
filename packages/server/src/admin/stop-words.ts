/** The site's stop words per language: ideas containing one are refused. */
import type { Db } from '../db/types.ts';

/** The language's stop words; with `words`, replace them first. */
export async function stopWords(db: Db, lang: string, words?: string[]) {
  if (words) {
    await db.transaction(async (tx) => {
      await tx.query('delete from kolo_stop_words where lang = $1', [lang]);
      for (const w of new Set(words.map((x) => x.trim().toLowerCase()).filter(Boolean))) await tx.query('insert into kolo_stop_words (lang, word) values ($1, $2)', [lang, w]);
    });
  }
  return (await db.query<{ word: string }>('select word from kolo_stop_words where lang = $1 order by word', [lang])).map((r) => r.word);
}
