/**
 * Language-aware word matching for idea titles: words from `Intl.Segmenter`, lower-cased for the
 * language, common words dropped, and at most the first five letters kept, without final vowels, as a
 * crude stem, so that "notifications" meets "notify" and «темна тема» meets «темної теми».
 */

const STOP = new Set(
  (
    'a an and or the to of in on at for with from by is are be it its this that these i we you he she they my our your ' +
    'me us can could would should will please add make get have has do does how what why when where which not no more ' +
    'і й та а але в у на з із зі до для не що як це цей ця ці чи щоб мені нам ми ви я по від про за є би б ' +
    'можна додати зробіть будь ласка треба потрібно хочу'
  ).split(' '),
);

const STEM = 5;
const VOWEL = /[aeiouyаеєиіїоуюяйь]/;
const segmenters = new Map<string, Intl.Segmenter | null>();

function words(text: string, lang: string): string[] {
  let seg = segmenters.get(lang);
  if (seg === undefined) {
    try {
      seg = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(lang, { granularity: 'word' }) : null;
    } catch {
      seg = null;
    }
    segmenters.set(lang, seg);
  }
  // apostrophes belong inside Ukrainian and English words (з’єднання, don't)
  const clean = text.replace(/['’ʼ`]/g, '');
  if (!seg) return clean.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out: string[] = [];
  for (const s of seg.segment(clean)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** The distinct stems of the meaningful words of `text`. */
export function stems(text: string, lang = 'en'): string[] {
  const out = new Set<string>();
  for (const w of words(text, lang)) {
    let lower: string;
    try {
      lower = w.toLocaleLowerCase(lang);
    } catch {
      lower = w.toLowerCase();
    }
    if (STOP.has(lower) || (lower.length < 2 && !/\d/.test(lower))) continue;
    if (/\d/.test(lower)) {
      // numbers (versions, routes, years) match only whole
      out.add(lower);
      continue;
    }
    let stem = [...lower].slice(0, STEM).join('');
    // a crude, language-neutral stem: the start of the word without its final vowels (тема, теми → тем)
    while (stem.length > 3 && VOWEL.test(stem.slice(-1))) stem = stem.slice(0, -1);
    out.add(stem);
  }
  return [...out];
}

/** Two stems name the same word: equal, or (words, not numbers) one starts the other and is at least 3 letters long. */
export const sameStem = (a: string, b: string): boolean =>
  a === b || (!/\d/.test(a + b) && ((a.length >= 3 && b.startsWith(a)) || (b.length >= 3 && a.startsWith(b))));

/** A cache of stems per item id, refreshed when the item's text changes. */
export function stemCache() {
  const cache = new Map<string, { text: string; stems: string[] }>();
  return (id: string, text: string, lang: string): string[] => {
    const key = `${lang}|${text}`;
    const hit = cache.get(id);
    if (hit && hit.text === key) return hit.stems;
    const s = stems(text, lang);
    cache.set(id, { text: key, stems: s });
    return s;
  };
}
