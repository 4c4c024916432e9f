import { defineBundle } from './bundle.ts';

/** Strings every widget uses: loading, errors, invalid content. */
export const commonMessages = defineBundle({
  en: {
    loading: 'Loading…',
    loadError: 'This could not be loaded. Check your connection and try again.',
    retry: 'Try again',
    invalid: 'This widget can’t be shown: {details}',
    sendError: 'Your answer wasn’t saved: {reason}',
    errNetwork: 'the connection failed. Please try again.',
    errRateLimited: 'too many attempts. Wait a moment and try again.',
    errRejected: 'it was not accepted ({reason}).',
    errClosed: 'voting has closed.',
    errAlreadyVoted: 'you have already voted.',
  },
  uk: {
    loading: 'Завантаження…',
    loadError: 'Не вдалося завантажити. Перевірте з’єднання і спробуйте ще раз.',
    retry: 'Спробувати ще раз',
    invalid: 'Цей віджет не можна показати: {details}',
    sendError: 'Вашу відповідь не збережено: {reason}',
    errNetwork: 'збій з’єднання. Спробуйте ще раз.',
    errRateLimited: 'забагато спроб. Зачекайте трохи і спробуйте знову.',
    errRejected: 'її не прийнято ({reason}).',
    errClosed: 'голосування завершено.',
    errAlreadyVoted: 'ви вже проголосували.',
  },
});
