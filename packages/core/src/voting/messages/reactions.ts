import { defineBundle } from '../../i18n/bundle.ts';

/** Strings of <kolo-reactions>. */
export const reactionsMessages = defineBundle({
  en: {
    reactionsLabel: 'Reactions',
    reactionLabel: '{name}, {count}',
    moreReactions: 'More reactions',
    reacted: 'You reacted: {name}.',
    reactionRemoved: 'Your reaction was removed.',
  },
  uk: {
    reactionsLabel: 'Реакції',
    reactionLabel: '{name}, {count}',
    moreReactions: 'Інші реакції',
    reacted: 'Ваша реакція: {name}.',
    reactionRemoved: 'Вашу реакцію прибрано.',
  },
});
