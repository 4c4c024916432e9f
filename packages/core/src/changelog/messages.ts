import { defineBundle } from '../i18n/bundle.ts';

/** Strings of <kolo-changelog>. */
export const changelogMessages = defineBundle({
  en: {
    changelogHeading: 'You asked, we did',
    asked: { one: '{count} person asked for this', other: '{count} people asked for this' },
    announcement: 'Read the announcement',
    nothingYet: 'Nothing here yet: what the team ships or answers will show up here.',
    showMore: 'Show more',
  },
  uk: {
    changelogHeading: 'Ви просили — ми зробили',
    asked: { one: 'Про це просила {count} людина', few: 'Про це просили {count} людини', many: 'Про це просили {count} людей', other: 'Про це просили {count} людини' },
    announcement: 'Читати оголошення',
    nothingYet: 'Тут поки порожньо: тут з’явиться те, що команда зробить або на що відповість.',
    showMore: 'Показати більше',
  },
});
