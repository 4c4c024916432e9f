import { defineBundle } from '../i18n/bundle.ts';

/** Strings of <kolo-help-banner>. */
export const bannerMessages = defineBundle({
  en: {
    helpHeading: 'Need help or someone to talk to?',
    helpLines: 'Free, confidential help',
    helpIn: 'Help in {region}',
    tools: 'Tools to stay in control',
    whyShown: 'Why am I seeing this?',
    whyDefault: 'This page is about something that can harm some people. We show these contacts to everyone who reads it, in case you or someone close to you needs them.',
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
    whyDefault: 'Ця сторінка про те, що може комусь зашкодити. Ми показуємо ці контакти всім читачам — раптом вони знадобляться вам або близьким.',
    close: 'Закрити зараз',
    snooze: { one: 'Сховати на {count} день', few: 'Сховати на {count} дні', many: 'Сховати на {count} днів', other: 'Сховати на {count} дня' },
    hiddenNow: 'Приховано зараз.',
    hiddenUntil: 'Приховано до {date}', // the long date ends with "р."
    showAgain: 'Показати знову',
  },
});
