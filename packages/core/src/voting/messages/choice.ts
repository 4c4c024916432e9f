import { defineBundle } from '../../i18n/bundle.ts';

/** Strings of <kolo-choice>. */
export const choiceMessages = defineBundle({
  en: {
    choose: 'Choose',
    choiceThanks: 'Thank you, your choice is counted.',
  },
  uk: {
    choose: 'Обрати',
    choiceThanks: 'Дякуємо, ваш вибір враховано.',
  },
});
