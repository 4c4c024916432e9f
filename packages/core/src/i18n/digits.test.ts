import { describe, expect, it } from 'vitest';
import { createTranslator } from '../index.ts';
import { latinDigits } from './digits.ts';

const latinDigitLanguages = /\(\?:([a-z|]+)\)/.exec(latinDigits.source)![1]!.split('|');

// regions where a language may switch script or digits (uz-AF, pa-PK, kk-CN, az-IR are written in Arabic script)
const regions = ['', '-US', '-GB', '-IN', '-CN', '-AF', '-PK', '-IR', '-EG', '-MA', '-SA', '-BD', '-419'];
const others = ['ar', 'ar-EG', 'ar-MA', 'fa', 'ps', 'ur', 'ur-IN', 'bn', 'as', 'mr', 'ne', 'my', 'dz', 'ckb', 'pa', 'uz', 'kk', 'az', 'ms', 'zh-Hant-HK', 'sr-Latn', 'en-u-nu-arab', 'de-u-nu-deva'];
const counts = [0, 7, 42, 999, 1000, 12345, 2.5];

describe('numbers without Intl', () => {
  it.each([...latinDigitLanguages.flatMap((l) => regions.map((r) => l + r)), ...others])('a count in %s reads as Intl writes it', (lang) => {
    const locale = Intl.getCanonicalLocales(lang)[0]!;
    const { number } = createTranslator(lang);
    for (const n of counts) expect(number(n)).toBe(new Intl.NumberFormat(locale).format(n));
  });

  it('lists languages with at most a region: no script, no other digits', () => {
    expect(latinDigitLanguages).toContain('uk');
    for (const l of ['en', 'en-US', 'es-419', 'pt-BR']) expect(latinDigits.test(l)).toBe(true);
    for (const l of ['ar', 'ar-EG', 'sr-Latn', 'zh-Hant-HK', 'en-u-nu-arab', 'fa']) expect(latinDigits.test(l)).toBe(false);
  });
});
