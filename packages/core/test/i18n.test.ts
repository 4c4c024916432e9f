import { describe, expect, it } from 'vitest';
import { createTranslator, en, registerMessages, uk } from '../src/index.ts';

describe('i18n', () => {
  it('has the same keys in every built-in catalog', () => {
    expect(Object.keys(uk).sort()).toEqual(Object.keys(en).sort());
  });

  it('chooses English plural forms', () => {
    const { t } = createTranslator('en');
    expect(t('votes', { count: 1 })).toBe('1 vote');
    expect(t('votes', { count: 1234 })).toBe('1,234 votes');
  });

  it('chooses Ukrainian plural forms (one, few, many)', () => {
    const { t } = createTranslator('uk-UA');
    expect(t('votes', { count: 1 })).toBe('1 голос');
    expect(t('votes', { count: 3 })).toBe('3 голоси');
    expect(t('votes', { count: 5 })).toBe('5 голосів');
    expect(t('votes', { count: 21 })).toBe('21 голос');
    expect(t('votes', { count: 1000 })).toMatch(/^1\s000 голосів$/);
  });

  it('falls back to English for unknown or malformed languages', () => {
    expect(createTranslator('xx').t('vote')).toBe('Vote');
    expect(createTranslator('not a lang!').lang).toBe('en');
    expect(createTranslator('').t('vote')).toBe('Vote');
  });

  it('lets overrides replace any string', () => {
    const { t } = createTranslator('uk', { vote: 'Голосую!', votes: { one: '{count} бал', other: '{count} балів' } });
    expect(t('vote')).toBe('Голосую!');
    expect(t('votes', { count: 2 })).toBe('2 балів');
    expect(t('retry')).toBe('Спробувати ще раз');
  });

  it('formats percent and dates per language', () => {
    expect(createTranslator('en').percent(62)).toBe('62%');
    expect(createTranslator('en').date('2026-12-31T12:00:00Z')).toBe('December 31, 2026');
    expect(createTranslator('uk').date('2026-12-31T12:00:00Z')).toMatch(/31 грудня 2026/);
  });

  it('keeps unknown placeholders and registers new languages', () => {
    registerMessages('de', { vote: 'Abstimmen' });
    const de = createTranslator('de-AT');
    expect(de.t('vote')).toBe('Abstimmen');
    expect(de.t('retry')).toBe('Try again');
    expect(de.t('closedOn')).toBe('Closed on {date}.');
  });
});
