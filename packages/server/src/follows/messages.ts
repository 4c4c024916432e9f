/** The words of follow emails and link pages, in English and Ukrainian. `{title}` and the like are filled in (escaped in HTML). */
const MAIL_MESSAGES = {
  en: {
    confirmSubject: 'Confirm your email',
    // no user-written text (a title) in a mail to an address nobody has confirmed: the server is no relay
    confirmIntro: 'You asked to be told by email when an idea or question you follow changes. Confirm it’s you:',
    confirmButton: 'Confirm',
    confirmIgnore: 'If it wasn’t you, ignore this message: nothing more will be sent.',
    digestSubject: 'Update: {title}',
    digestSubjectMany: '{count} updates you follow',
    status_planned: '“{title}” is planned.',
    status_progress: '“{title}” is in progress.',
    status_done: '“{title}” is done.',
    status_declined: '“{title}” was declined.',
    answered: '“{title}” has an answer.',
    reason: 'Why: {reason}',
    more: 'Read more: {link}',
    unfollowOne: 'Stop emails about this',
    unfollowAll: 'Stop all these emails',
    confirmedTitle: 'Email confirmed',
    confirmed: 'You’ll be told when “{title}” changes.',
    confirmedNone: 'Your email is confirmed.',
    expired: 'This link has expired or was already used.',
    unfollowTitle: 'Stop emails',
    unfollowAsk: 'Stop emails about “{title}”?',
    unfollowAskAll: 'Stop all emails about the ideas and questions you follow?',
    unfollowButton: 'Stop emails',
    unfollowed: 'Done: you won’t get these emails any more.',
  },
  uk: {
    confirmSubject: 'Підтвердьте email',
    confirmIntro: 'Ви попросили повідомляти email, коли зміниться ідея чи запитання, за якими ви стежите. Підтвердьте, що це ви:',
    confirmButton: 'Підтвердити',
    confirmIgnore: 'Якщо це були не ви, просто проігноруйте лист: більше нічого не надійде.',
    digestSubject: 'Новини: {title}',
    digestSubjectMany: 'Оновлень, за якими ви стежите: {count}',
    status_planned: '«{title}» заплановано.',
    status_progress: '«{title}» у роботі.',
    status_done: '«{title}» зроблено.',
    status_declined: '«{title}» відхилено.',
    answered: 'На «{title}» є відповідь.',
    reason: 'Чому: {reason}',
    more: 'Докладніше: {link}',
    unfollowOne: 'Не надсилати листів про це',
    unfollowAll: 'Не надсилати жодних таких листів',
    confirmedTitle: 'Email підтверджено',
    confirmed: 'Ми повідомимо, коли «{title}» зміниться.',
    confirmedNone: 'Ваш email підтверджено.',
    expired: 'Термін дії посилання минув або його вже використано.',
    unfollowTitle: 'Скасувати листи',
    unfollowAsk: 'Не надсилати листів про «{title}»?',
    unfollowAskAll: 'Не надсилати жодних листів про ідеї та запитання, за якими ви стежите?',
    unfollowButton: 'Скасувати листи',
    unfollowed: 'Готово: ці листи більше не надходитимуть.',
  },
} as const;

export type MailKey = keyof (typeof MAIL_MESSAGES)['en'];

/** The text of `key` in `lang` with `{name}`s filled in by `values` (as they are: the caller escapes for HTML). */
export function say(lang: string, key: MailKey, values: Record<string, string | number> = {}): string {
  const bundle = MAIL_MESSAGES[lang === 'uk' ? 'uk' : 'en'];
  return bundle[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** Text made safe inside HTML (elements and attributes). */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
