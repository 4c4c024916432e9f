import type { choiceMessages } from './choice.ts';
import type { commonMessages } from './common.ts';
import type { pollMessages } from './poll.ts';
import type { quizMessages } from './quiz.ts';
import type { reactionsMessages } from './reactions.ts';
import type { voteMessages } from './vote.ts';
import type { ideasMessages } from './ideas.ts';
import type { ideaFormMessages } from './idea-form.ts';
import type { ideaBoardMessages } from './idea-board.ts';
import type { faqMessages } from './faq.ts';
import type { bannerMessages } from './banner.ts';
import type { disclosureMessages } from './disclosure.ts';
import type { offlineMessages } from './offline.ts';

/** A message with plural forms, chosen by the `count` parameter through Intl.PluralRules. */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralMessage;

/**
 * A widget's messages in the built-in languages. English and Ukrainian must have the same keys;
 * each widget ships only its own bundles, so the strings of widgets a page does not use are not loaded.
 */
export interface Bundle<K extends string = string> {
  en: Record<K, Message>;
  uk: Record<K, Message>;
}
export const defineBundle = <K extends string>(bundle: { en: Record<K, Message>; uk: Record<K, Message> }): Bundle<K> => bundle;

type KeysOf<B> = B extends Bundle<infer K> ? K : never;
/** Every message key of every built-in widget. */
export type MessageKey = KeysOf<
  typeof commonMessages | typeof voteMessages | typeof pollMessages | typeof choiceMessages | typeof reactionsMessages | typeof quizMessages
  | typeof ideasMessages | typeof ideaFormMessages | typeof ideaBoardMessages
  | typeof faqMessages | typeof bannerMessages | typeof disclosureMessages | typeof offlineMessages
  | typeof ideasMessages | typeof ideaFormMessages | typeof ideaBoardMessages
  | typeof faqMessages | typeof bannerMessages | typeof disclosureMessages | typeof offlineMessages
>;
export type MessageOverrides = Partial<Record<MessageKey, Message>>;
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

/**
 * Messages for `lang` from `bundles` (`uk-UA` uses `uk`; other languages use a registered catalog,
 * else English), with per-element overrides taking precedence.
 */
export function createTranslator(lang = 'en', overrides: MessageOverrides = {}, bundles: Bundle[] = []): Translator {
  const locale = safeLocale(lang || 'en');
  const base = locale.toLowerCase().split('-')[0]!;
  const plural = new Intl.PluralRules(locale);
  const number = (n: number, o?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, o).format(n);
  const find = (key: MessageKey): Message => {
    const own = overrides[key] ?? registered[base]?.[key];
    if (own) return own;
    for (const b of bundles) {
      const m = (b as unknown as Record<string, Record<string, Message> | undefined>)[base]?.[key] ?? b.en[key];
      if (m) return m;
    }
    return key;
  };
  return {
    lang: base === 'uk' || registered[base] ? base : 'en',
    number,
    percent: (n) => number(n / 100, { style: 'percent' }),
    date: (d) => new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(d)),
    t(key, params = {}) {
      const m = find(key);
      const s = typeof m === 'string' ? m : (m[plural.select(Number(params.count ?? 0))] ?? m.other);
      return s.replace(/\{(\w+)\}/g, (all, name: string) => {
        const v = params[name];
        return v === undefined ? all : typeof v === 'number' ? number(v) : v;
      });
    },
  };
}
