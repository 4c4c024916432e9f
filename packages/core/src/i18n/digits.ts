/**
 * Languages whose numbers are written with the digits 0–9 in every region (CLDR's default numbering
 * system is `latn` for each of their locales; the test checks each against Intl).
 */
export const latinDigitLanguages = 'en uk de fr es it pt nl pl cs sk ru be bg sr hr bs sl ro hu fi sv da nb nn no is et lv lt el tr he id vi th ja ko zh hi ca eu gl ga cy sq mk sw af fil ka hy lb mt'.split(' ');

const latin = new RegExp(`^(?:${latinDigitLanguages.join('|')})(?:-(?:[a-z]{2}|\\d{3}))?$`, 'i');

/**
 * Whether `n` in `locale` (canonical) is its plain digits: a whole number from 0 to 999 (no grouping)
 * in one of those languages with at most a region (no script, no `-u-nu-` digits). Such a count needs
 * no Intl.NumberFormat: a page's first one costs tens of milliseconds (the locale's data is loaded),
 * more than a widget's whole first render.
 */
export const plainDigits = (locale: string, n: number): boolean => Number.isInteger(n) && n >= 0 && n < 1000 && latin.test(locale);
