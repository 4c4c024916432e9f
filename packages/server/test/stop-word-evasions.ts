// The ways people slip a stop word past a filter, written out: one table for the unit test of the
// normalisation and for the test over HTTP (which counts how many get through).

/** The site's stop words in these tests. */
export const STOP_WORDS = ['casino', 'viagra', 'crypto', 'free money', "can't lose"];

/** [how, the idea's title, the stop word it hides] */
export const EVASIONS: [string, string, string][] = [
  ['a Cyrillic а in a Latin word', 'Best cаsino bonus in town', 'casino'],
  ['Cyrillic е in a phrase', 'Get frее money in town', 'free money'],
  ['a Cyrillic о in a Latin word', 'Buy cryptо coins today', 'crypto'],
  ['a Cyrillic р in a Latin word', 'Buy cryрto coins today', 'crypto'],
  ['a Cyrillic с in a Latin word', 'Best сasino bonus in town', 'casino'],
  ['Greek α and ο in a Latin word', 'Cheap viαgrα for everyone', 'viagra'],
  ['fullwidth letters', 'Best ｃａｓｉｎｏ bonus in town', 'casino'],
  ['a zero-width space inside', 'Best cas\u200bino bonus in town', 'casino'],
  ['ZWJ, ZWNJ, word joiner and BOM inside', 'Cheap vi\u200da\u200cg\u2060r\ufeffa for everyone', 'viagra'],
  ['a soft hyphen inside', 'Best casi\u00adno bonus in town', 'casino'],
  ['accents', 'Best cásïnò bonus in town', 'casino'],
  ['combining accents', 'Buy cry\u0301pto\u0308 coins today', 'crypto'],
  ['mixed case', 'Best CaSiNo bonus in town', 'casino'],
  ['a typewriter apostrophe', "You can't lose with us", "can't lose"],
  ['a right single quotation mark (U+2019)', 'You can’t lose with us', "can't lose"],
  ['a modifier letter apostrophe (U+02BC)', 'You canʼt lose with us', "can't lose"],
  ['letters spaced out', 'Best c a s i n o bonus in town', 'casino'],
  ['mathematical bold letters', 'Best 𝐜𝐚𝐬𝐢𝐧𝐨 bonus in town', 'casino'],
  ['a digit zero for o', 'Best casin0 bonus in town', 'casino'],
  ['a dotless ı', 'Best casıno bonus in town', 'casino'],
];
