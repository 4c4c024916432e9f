import { defineBundle } from '../../i18n/bundle.ts';

/** Strings shared by <kolo-idea-form> and <kolo-idea-board>: statuses, upvotes, refusals (what only one of them says is in its own bundle). */
export const ideasMessages = defineBundle({
  en: {
    statusPending: 'Waiting for moderation',
    statusRejected: 'Not published',
    statusReview: 'Under review',
    statusPlanned: 'Planned',
    statusProgress: 'In progress',
    statusDone: 'Done',
    statusDeclined: 'Declined',
    qStatusReview: 'Open',
    qStatusDone: 'Answered',
    qStatusDeclined: 'Not answered',
    upvotes: { one: '{count} upvote', other: '{count} upvotes' },
    errSpam: 'it looks automated. Please check what you wrote and send it again.',
    errTooFast: 'it was sent very quickly. Please check what you wrote and send it again.',
    errNotFound: 'it no longer exists.',
    errLimit: 'you have reached today’s limit. Please come back tomorrow.',
    sending: 'Sending…',
  },
  uk: {
    statusPending: 'Чекає на модерацію',
    statusRejected: 'Не опубліковано',
    statusReview: 'Розглядаємо',
    statusPlanned: 'Заплановано',
    statusProgress: 'У роботі',
    statusDone: 'Зроблено',
    statusDeclined: 'Відхилено',
    qStatusReview: 'Відкрите',
    qStatusDone: 'Є відповідь',
    qStatusDeclined: 'Без відповіді',
    upvotes: { one: '{count} голос', few: '{count} голоси', many: '{count} голосів', other: '{count} голосу' },
    errSpam: 'схоже на автоматичне надсилання. Перевірте текст і надішліть ще раз.',
    errTooFast: 'надіслано надто швидко. Перевірте текст і надішліть ще раз.',
    errNotFound: 'її більше немає.',
    errLimit: 'на сьогодні ліміт вичерпано. Поверніться завтра.',
    sending: 'Надсилаємо…',
  },
});

