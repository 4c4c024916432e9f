import { describe, expect, it } from 'vitest';
import { createTranslator } from '../index.ts';
import { latinDigitLanguages, plainDigits } from './digits.ts';

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

  it('skips Intl only for whole counts below 1000 in a listed language with at most a region', () => {
    expect(plainDigits('en-US', 999)).toBe(true);
    expect(plainDigits('es-419', 0)).toBe(true);
    expect(plainDigits('en', 1000)).toBe(false);
    expect(plainDigits('en', 2.5)).toBe(false);
    expect(plainDigits('en', -1)).toBe(false);
    expect(plainDigits('ar', 5)).toBe(false);
    expect(plainDigits('sr-Latn', 5)).toBe(false);
    expect(plainDigits('en-u-nu-arab', 5)).toBe(false);
  });
});
