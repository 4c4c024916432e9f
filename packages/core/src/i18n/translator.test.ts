import { describe, expect, it } from 'vitest';
import {
  choiceMessages,
  commonMessages,
  createTranslator,
  pollMessages,
  quizMessages,
  reactionsMessages,
  registerMessages,
  voteMessages,
  type Bundle,
} from '../index.ts';

const all: Bundle[] = [pollMessages, voteMessages, commonMessages];

describe('i18n', () => {
  it.each([commonMessages, voteMessages, pollMessages, choiceMessages, reactionsMessages, quizMessages].map((b) => [Object.keys(b.en)[0], b]))(
    'bundle starting with %s has the same keys in English and Ukrainian, none empty',
    (_k, bundle) => {
      expect(Object.keys(bundle.uk).sort()).toEqual(Object.keys(bundle.en).sort());
      for (const m of [...Object.values(bundle.en), ...Object.values(bundle.uk)]) expect(typeof m === 'string' ? m : m.other).not.toBe('');
    },
  );

  it('finds keys only in the bundles it was given', () => {
    expect(createTranslator('en', {}, [commonMessages]).t('vote')).toBe('vote');
    expect(createTranslator('en', {}, all).t('vote')).toBe('Vote');
  });

  it('chooses English plural forms', () => {
    const { t } = createTranslator('en', {}, all);
    expect(t('votes', { count: 1 })).toBe('1 vote');
    expect(t('votes', { count: 1234 })).toBe('1,234 votes');
  });

  it('chooses the plural form Intl.PluralRules chooses, in English without one', () => {
    const forms = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };
    for (const lang of ['en', 'en-GB', 'en-US', 'uk', 'de']) {
      const { t } = createTranslator(lang, { votes: forms }, all);
      for (const n of [-2, -1, -0.5, 0, 0.5, 1, 1.5, 2, 3, 5, 11, 21, 101, 1e6]) expect(t('votes', { count: n }), `${lang} ${n}`).toBe(new Intl.PluralRules(lang).select(n));
    }
  });

  it('chooses Ukrainian plural forms (one, few, many)', () => {
    const { t } = createTranslator('uk-UA', {}, all);
    expect(t('votes', { count: 1 })).toBe('1 голос');
    expect(t('votes', { count: 3 })).toBe('3 голоси');
    expect(t('votes', { count: 5 })).toBe('5 голосів');
    expect(t('votes', { count: 21 })).toBe('21 голос');
    expect(t('votes', { count: 1000 })).toMatch(/^1\s000 голосів$/);
  });

  it('falls back to English for unknown or malformed languages', () => {
    expect(createTranslator('xx', {}, all).t('vote')).toBe('\u2066Vote\u2069');
    expect(createTranslator('not a lang!', {}, all).lang).toBe('en');
    expect(createTranslator('', {}, all).t('vote')).toBe('Vote');
  });

  it('lets overrides replace any string', () => {
    const { t } = createTranslator('uk', { vote: 'Голосую!', votes: { one: '{count} бал', other: '{count} балів' } }, all);
    expect(t('vote')).toBe('Голосую!');
    expect(t('votes', { count: 2 })).toBe('2 балів');
    expect(t('retry')).toBe('Спробувати ще раз');
  });

  it('formats percent and dates per language', () => {
    expect(createTranslator('en', {}, all).percent(62)).toBe('62%');
    expect(createTranslator('en', {}, all).date('2026-12-31T12:00:00Z')).toBe('December 31, 2026');
    expect(createTranslator('uk', {}, all).date('2026-12-31T12:00:00Z')).toMatch(/31 грудня 2026/);
  });

  it('keeps unknown placeholders and registers new languages', () => {
    registerMessages('de', { vote: 'Abstimmen' });
    const de = createTranslator('de-AT', {}, all);
    expect(de.t('vote')).toBe('Abstimmen');
    expect(de.t('retry')).toBe('\u2066Try again\u2069');
    expect(de.t('closedOn')).toBe('\u2066Closed on {date}.\u2069');
  });

  it('isolates English standing in for another language left to right (LRI … PDI), and only that', () => {
    const ar = createTranslator('ar-EG', { vote: 'صوّت' }, all);
    expect(ar.lang).toBe('en');
    const eight = new Intl.NumberFormat('ar-EG').format(8); // the page's digits
    expect(ar.t('votes', { count: 8 })).toBe(`\u2066${eight} votes\u2069`);
    expect(ar.t('resultsHidden')).toBe('\u2066The results of this poll are not published.\u2069');
    expect(ar.t('vote'), "the page's own words stay as given").toBe('صوّت');
    registerMessages('he', { vote: 'הצבעה' });
    expect(createTranslator('he', {}, all).t('vote')).toBe('הצבעה');
    for (const lang of ['en', 'en-GB', 'uk', 'uk-UA']) expect(createTranslator(lang, {}, all).t('retry'), lang).not.toMatch(/[\u2066-\u2069]/);
  });
});
