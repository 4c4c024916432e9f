/**
 * How an idea's text meets the site's stop words: both are brought to one form before they are
 * compared, so look-alike letters and invisible characters do not slip a stop word through.
 *
 * 1. NFKC (fullwidth `ｃａｓｉｎｏ`, mathematical `𝐜𝐚𝐬𝐢𝐧𝐨`, ligatures become plain letters);
 * 2. default-ignorable characters removed (zero-width space, ZWNJ, ZWJ, word joiner, BOM, soft hyphen,
 *    variation selectors…);
 * 3. case folding (upper then lower case, `ß` and `ẞ` as `ss`: `ς` at a word's end and `σ` agree, `ı` and `İ` are `i`);
 * 4. accents folded (NFD, combining marks removed: `cásïnò` is `casino`; in Ukrainian `й` is `и`, `ї` is `і`);
 * 5. every apostrophe form (`'`, `’`, `‘`, `ʼ`, `ʹ`, `′`, `` ` ``, `´`, `ꞌ`) is `'` and stays inside a word
 *    (`can’t`, `п'ять`), so a stop word with an apostrophe matches;
 * 6. each word becomes its confusable skeleton (Unicode TS #39, the `confusables.txt` table via
 *    `unhomoglyph`): Cyrillic `а е о р с і` and Greek `α ο` in a Latin word read as the Latin letters.
 *
 * Words are runs of letters and digits (apostrophes inside); a stop word matches whole words only
 * (`casino` is not found in `casinos`), several words as a phrase. A stop word without an apostrophe
 * also matches a part of a word split by apostrophes (`casino's`); letters spaced out one by one
 * (`c a s i n o`, `c.a.s.i.n.o`) are read as one word too.
 */
import unhomoglyph from 'unhomoglyph';

const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const MARKS = /[\p{Mn}\p{Me}]/gu;
const APOSTROPHES = /['‘’‛ʹʻʼʽ′`´ꞌ]/gu;
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** Steps 1 to 5: the text's words, folded. */
export function foldedWords(text: string): string[] {
  const folded = text.normalize('NFKC').replace(IGNORABLE, '').toUpperCase().toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(MARKS, '').replace(APOSTROPHES, "'");
  return folded.match(WORD) ?? [];
}

/** Step 6: a folded word's confusable skeleton (TS #39: NFD, mapped, NFD again; here in lower case). */
export const skeleton = (word: string) => unhomoglyph(word).normalize('NFD').replace(MARKS, '').toLowerCase();

/** A stop word (or phrase) in the form it is looked for: its words' skeletons, space-separated; '' when it has no letters. */
export const stopWordKey = (word: string) => foldedWords(word).map(skeleton).join(' ');

/** Letters spaced out one by one (`c a s i n o`) joined into one word. */
function joinSpacedLetters(words: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const w of [...words, '']) {
    if ([...w].length === 1) run += w;
    else {
      if (run) out.push(run);
      if (w) out.push(w);
      run = '';
    }
  }
  return out;
}

/** The forms of a text stop words are looked for in, each ` word word … `. */
export function searchForms(text: string): string[] {
  const words = foldedWords(text).map(skeleton);
  const parts = words.flatMap((w) => w.split("'"));
  return [words, parts, joinSpacedLetters(parts)].map((ws) => ` ${ws.join(' ')} `);
}

const keys = new Map<string, string>();
/** Stop-word keys, remembered (a site has a few thousand stop words at most; the map is emptied past 50,000). */
function cachedKey(word: string): string {
  let k = keys.get(word);
  if (k === undefined) {
    if (keys.size > 50_000) keys.clear();
    keys.set(word, (k = stopWordKey(word)));
  }
  return k;
}

/** The first of `stopWords` the text contains, if any. */
export function findStopWord(text: string, stopWords: readonly string[]): string | undefined {
  const forms = searchForms(text);
  return stopWords.find((w) => {
    const k = cachedKey(w);
    return k !== '' && forms.some((f) => f.includes(` ${k} `));
  });
}
