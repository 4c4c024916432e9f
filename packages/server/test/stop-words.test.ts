// Stop words that hold: the text and the stop words are folded to one form (NFKC, case, accents,
// invisible characters, apostrophes, confusable skeletons) before whole words are compared.
import { describe, expect, it } from 'vitest';
import { findStopWord, foldedWords, skeleton } from '../src/actions/stop-words.ts';
import { EVASIONS, STOP_WORDS } from './stop-word-evasions.ts';

describe('stop words after folding', () => {
  it.each(EVASIONS)('catches %s', (_name, text, word) => {
    expect(findStopWord(text, STOP_WORDS)).toBe(word);
  });

  it('folds case fully, accents, and every apostrophe form to one', () => {
    expect(foldedWords('STRAẞE Straße')).toEqual(['strasse', 'strasse']);
    expect(foldedWords('Ça déjà İstanbul')).toEqual(['ca', 'deja', 'istanbul']);
    expect(foldedWords('can’t canʼt can‘t can`t can\'t')).toEqual(Array(5).fill("can't"));
    // an apostrophe at a word's edge is not part of it
    expect(foldedWords("'quoted' rock'n'roll")).toEqual(['quoted', "rock'n'roll"]);
    expect(foldedWords('a\u200bb\u00adc\u2060d\ufeffe\u200df\u200cg')).toEqual(['abcdefg']);
  });

  it('maps look-alike letters to one skeleton', () => {
    expect(skeleton('cаsino')).toBe(skeleton('casino')); // Cyrillic а
    expect(skeleton('ѕех')).toBe(skeleton('sex')); // a word in Cyrillic letters only
    expect(skeleton('casin0')).toBe(skeleton('casino'));
  });

  it('matches whole words and phrases only', () => {
    expect(findStopWord('Casinos near the station, a map', ['casino'])).toBeUndefined();
    expect(findStopWord('Classic buses', ['ass'])).toBeUndefined();
    expect(findStopWord('Free moneyboxes for schools', ['free money'])).toBeUndefined();
    expect(findStopWord('The casino’s lights', ['casino'])).toBe('casino');
    expect(findStopWord('Get FREE — money now', ['free money'])).toBe('free money');
    // a stop word of punctuation only never matches everything
    expect(findStopWord('A fine idea', ['!!!', ' '])).toBeUndefined();
  });

  it('finds Ukrainian stop words, with their apostrophes and accents', () => {
    const words = ['казино', "м'ясо", 'гральний зал'];
    expect(findStopWord('Нове КАЗИНО біля вокзалу', words)).toBe('казино');
    expect(findStopWord('Дешеве м’ясо тут', words)).toBe("м'ясо");
    expect(findStopWord('Дешеве мʼясо тут', words)).toBe("м'ясо");
    expect(findStopWord('Гра\u00adльний   зал', words)).toBe('гральний зал');
    expect(findStopWord('Казинова вулиця', words)).toBeUndefined();
  });

  it('lets ordinary Ukrainian text through an English stop-word list', () => {
    const english = [...STOP_WORDS, 'xxx', 'sex', 'porn', 'rape', 'cop', 'pop', 'crap', 'poop', 'bet', 'hot', 'ass', 'cum', 'rope', 'pyx', 'oops', 'ho', 'hoe', 'coke'];
    const ukrainian = [
      'Додайте нічні автобуси на вихідних, будь ласка',
      'Хочу бачити розклад руху поїздів у застосунку',
      'Гора, ріка і сосновий ліс: зробіть туристичну мапу області',
      'Чи можна оплатити проїзд карткою? Про це питають усі',
      'Ось моя ідея: сортування сміття біля кожного під’їзду',
      'Зробіть темну тему для сайту, бо вночі очі болять',
      'Репетиції хору в суботу о сьомій, приходьте',
      'П’ять причин підтримати місцевих виробників сиру',
    ];
    for (const text of ukrainian) expect([text, findStopWord(text, english)]).toEqual([text, undefined]);
  });
});
