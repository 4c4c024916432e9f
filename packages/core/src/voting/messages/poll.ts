import { defineBundle } from '../../i18n/bundle.ts';

/** Strings of <kolo-poll>. */
export const pollMessages = defineBundle({
  en: {
    vote: 'Vote',
    voters: { one: '{count} person voted', other: '{count} people voted' },
    chooseOne: 'Choose one answer.',
    chooseUpTo: { one: 'Choose up to {count} answer.', other: 'Choose up to {count} answers.' },
    chooseAny: 'Choose all that apply.',
    thanks: 'Thank you, your vote is counted.',
  },
  uk: {
    vote: 'Проголосувати',
    voters: {
      one: 'Проголосувала {count} людина',
      few: 'Проголосували {count} людини',
      many: 'Проголосували {count} людей',
      other: 'Проголосували {count} людини',
    },
    chooseOne: 'Оберіть одну відповідь.',
    chooseUpTo: {
      one: 'Оберіть до {count} відповіді.',
      few: 'Оберіть до {count} відповідей.',
      many: 'Оберіть до {count} відповідей.',
      other: 'Оберіть до {count} відповіді.',
    },
    chooseAny: 'Оберіть усе, що підходить.',
    thanks: 'Дякуємо, ваш голос враховано.',
  },
});
