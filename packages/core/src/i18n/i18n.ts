import { en } from './en.ts';
import { uk } from './uk.ts';

/** A message with plural forms, chosen by the `count` parameter through Intl.PluralRules. */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralMessage;
export type Messages = { [K in keyof typeof en]: (typeof en)[K] extends string ? string : PluralMessage };
export type MessageKey = keyof Messages;
export type MessageOverrides = Partial<Record<MessageKey, Message>>;
export type Params = Record<string, string | number>;

/** Built-in languages; `registerMessages` adds more. */
const catalogs: Record<string, MessageOverrides> = { en, uk };

/** Add or extend a language's catalog (keys it lacks fall back to English). */
export function registerMessages(lang: string, messages: MessageOverrides): void {
  const base = lang.toLowerCase().split('-')[0]!;
  catalogs[base] = { ...catalogs[base], ...messages };
}

export interface Translator {
  /** the language used for messages (a catalog's key) */
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

/**
 * Messages for `lang` (`uk-UA` uses `uk`; unknown languages use English), with per-element
 * overrides taking precedence over the catalog.
 */
export function createTranslator(lang = 'en', overrides: MessageOverrides = {}): Translator {
  const locale = safeLocale(lang || 'en');
  const base = locale.toLowerCase().split('-')[0]!;
  const catalog = catalogs[base] ?? en;
  const plural = new Intl.PluralRules(locale);
  const number = (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, o).format(n);
  return {
    lang: catalogs[base] ? base : 'en',
    number,
    percent: (n) => number(n / 100, { style: 'percent' }),
    date: (d) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(d)),
    t(key, params = {}) {
      const m: Message = overrides[key] ?? catalog[key] ?? en[key];
      const s = typeof m === 'string' ? m : (m[plural.select(Number(params.count ?? 0))] ?? m.other);
      return s.replace(/\{(\w+)\}/g, (all, name: string) => {
        const v = params[name];
        return v === undefined ? all : typeof v === 'number' ? number(v) : v;
      });
    },
  };
}
