import type { Bundle, Message } from './bundle.ts';
import type { MessageKey, MessageOverrides } from './keys.ts';
import { latinDigits } from './digits.ts';

export type Params = Record<string, string | number>;

const registered: Record<string, MessageOverrides> = {};

/** Add a language (or replace strings of one) for every widget; keys it lacks fall back to English. */
export function registerMessages(lang: string, messages: MessageOverrides): void {
  const base = lang.toLowerCase().split('-')[0]!;
  registered[base] = { ...registered[base], ...messages };
}

export interface Translator {
  /** the language used for messages */
  readonly lang: string;
  t(key: MessageKey, params?: Params): string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** whole percent, 0–100 */
  percent(n: number): string;
  date(d: Date | string): string;
}

const safeLocale = (lang: string) => {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
};

/** Number formats by locale and options, shared by every translator: making one costs far more than using it. */
const formats: Record<string, Intl.NumberFormat> = {};
/** Plural rules by locale, shared likewise; English (one only for 1 and -1) needs none. */
const plurals: Record<string, Intl.PluralRules> = {};

/**
 * Messages for `lang` from `bundles` (`uk-UA` uses `uk`; other languages use a registered catalog,
 * else English), with per-element overrides taking precedence. `more` gives bundles to look in last,
 * when it is needed (an adapter's own words, such as the HTTP adapter's "saved offline").
 */
export function createTranslator(lang = 'en', overrides: MessageOverrides = {}, bundles: readonly Bundle[] = [], more: () => readonly Bundle[] = () => []): Translator {
  const locale = safeLocale(lang || 'en');
  const base = locale.toLowerCase().split('-')[0]!;
  const plural = (n: number) => (base == 'en' ? (n * n - 1 ? 'other' : 'one') : (plurals[locale] ??= new Intl.PluralRules(locale)).select(n));
  const number = (n: number, o?: Intl.NumberFormatOptions) =>
    !o && n >= 0 && n < 1e3 && n % 1 === 0 && latinDigits.test(locale) ? '' + n : (formats[locale + JSON.stringify(o)] ??= new Intl.NumberFormat(locale, o)).format(n);
  const look = (list: readonly Bundle[], key: MessageKey): Message | undefined => {
    for (const b of list) {
      const m = (b as unknown as Record<string, Record<string, Message> | undefined>)[base]?.[key] ?? b.en[key];
      if (m) return m;
    }
  };
  return {
    lang: base === 'uk' || registered[base] ? base : 'en',
    number,
    percent: (n) => number(n / 100, { style: 'percent' }),
    date: (d) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(d)),
    t(key, params = {}) {
      const own = overrides[key] || registered[base]?.[key];
      const m = own || look(bundles, key) || look(more(), key) || key;
      const s = (typeof m === 'string' ? m : (m[plural(Number(params.count ?? 0))] ?? m.other)).replace(/\{(\w+)\}/g, (all, name: string) => {
        const v = params[name];
        return v === undefined ? all : typeof v === 'number' ? number(v) : v;
      });
      // English standing in for another language is isolated left to right (LRI … PDI, what <bdi dir=ltr>
      // does, also in attributes): in a right-to-left page it keeps its word order and punctuation
      return own || base == 'en' || base == 'uk' ? s : `\u2066${s}\u2069`;
    },
  };
}
