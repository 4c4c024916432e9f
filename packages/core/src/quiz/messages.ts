import { defineBundle } from '../i18n/bundle.ts';

/** Strings of <kolo-quiz>. */
export const quizMessages = defineBundle({
  en: {
    errCannotGrade: 'this quiz can’t be checked right now.',
    questionOf: 'Question {n} of {total}',
    check: 'Check answer',
    nextQuestion: 'Next question',
    seeScore: 'See my score',
    correct: 'Correct.',
    incorrect: 'Not quite.',
    rightAnswer: { one: 'The right answer: {answers}.', other: 'The right answers: {answers}.' },
    shareCorrect: '{percent} of people got this right.',
    score: 'You got {score} of {total} right.',
    retake: 'Take the quiz again',
  },
  uk: {
    errCannotGrade: 'цей тест зараз неможливо перевірити.',
    questionOf: 'Питання {n} з {total}',
    check: 'Перевірити',
    nextQuestion: 'Наступне питання',
    seeScore: 'Мій результат',
    correct: 'Правильно.',
    incorrect: 'Не зовсім.',
    rightAnswer: {
      one: 'Правильна відповідь: {answers}.',
      few: 'Правильні відповіді: {answers}.',
      many: 'Правильні відповіді: {answers}.',
      other: 'Правильні відповіді: {answers}.',
    },
    shareCorrect: '{percent} людей відповіли правильно.',
    score: 'Правильних відповідей: {score} з {total}.',
    retake: 'Пройти ще раз',
  },
});
