import { defineBundle } from '../../i18n/bundle.ts';

/** Strings of the voting widgets (poll, A/B choice, reactions): results, closing date, changing a vote. */
export const voteMessages = defineBundle({
  en: {
    closedOn: 'Closed on {date}.',
    closesOn: 'Open until {date}.',
    sending: 'Sending…',
    changeVote: 'Change my vote',
    cancel: 'Cancel',
    votes: { one: '{count} vote', other: '{count} votes' },
    yourChoice: 'your choice',
    resultsHidden: 'The results of this poll are not published.',
    noVotes: 'No votes yet.',
  },
  uk: {
    // a Ukrainian long date ends with its own period ("1 червня 2030 р.")
    closedOn: 'Завершено {date}',
    closesOn: 'Триває до {date}',
    sending: 'Надсилаємо…',
    changeVote: 'Змінити голос',
    cancel: 'Скасувати',
    votes: { one: '{count} голос', few: '{count} голоси', many: '{count} голосів', other: '{count} голосу' },
    yourChoice: 'ваш вибір',
    resultsHidden: 'Результати цього опитування не публікуються.',
    noVotes: 'Голосів ще немає.',
  },
});
