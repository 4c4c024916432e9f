import { defineBundle } from '../../i18n/bundle.ts';

/**
 * Strings of following an idea by email ("Tell me when this changes" on <kolo-idea-board>), apart
 * from the board's: they load with the follow form, the first time it is offered.
 */
export const ideaFollowMessages = defineBundle({
  en: {
    tellMe: 'Tell me when this changes',
    email: 'Your email',
    emailInvalid: 'Enter an email address, like name@example.com.',
    checkInbox: 'Check your inbox to confirm.',
    following: 'We’ll tell you when this changes.',
  },
  uk: {
    tellMe: 'Повідомити, коли це зміниться',
    email: 'Ваш email',
    emailInvalid: 'Введіть адресу електронної пошти, наприклад name@example.com.',
    checkInbox: 'Перевірте пошту, щоб підтвердити.',
    following: 'Ми повідомимо, коли це зміниться.',
  },
});
