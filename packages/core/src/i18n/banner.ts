import { defineBundle } from './i18n.ts';

/** Strings of <kolo-help-banner>. */
export const bannerMessages = defineBundle({
  en: {
    helpHeading: 'Need help or someone to talk to?',
    helpLines: 'Free, confidential help',
    helpIn: 'Help in {region}',
    tools: 'Tools to stay in control',
    whyShown: 'Why am I seeing this?',
    close: 'Close for now',
    snooze: { one: 'Hide for {count} day', other: 'Hide for {count} days' },
    hiddenNow: 'Hidden for now.',
    hiddenUntil: 'Hidden until {date}.',
    showAgain: 'Show it again',
  },
  uk: {
    helpHeading: 'Потрібна допомога чи розмова?',
    helpLines: 'Безкоштовна конфіденційна допомога',
    helpIn: 'Допомога: {region}',
    tools: 'Інструменти самоконтролю',
    whyShown: 'Чому я це бачу?',
    close: 'Закрити зараз',
    snooze: { one: 'Сховати на {count} день', few: 'Сховати на {count} дні', many: 'Сховати на {count} днів', other: 'Сховати на {count} дня' },
    hiddenNow: 'Приховано зараз.',
    hiddenUntil: 'Приховано до {date}.',
    showAgain: 'Показати знову',
  },
});
