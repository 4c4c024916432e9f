import { describe, expect, it } from 'vitest';
import { parseQuizConfig, quizScore } from '../index.ts';
import { sampleQuiz } from '../test-utils/quiz.ts';

const quiz = sampleQuiz;

describe('quiz config', () => {
  it('accepts a quiz with or without the correct answers on the page', () => {
    expect(parseQuizConfig(quiz).ok).toBe(true);
    const hidden = { ...quiz, questions: quiz.questions.map(({ correct: _c, ...q }) => q) };
    expect(parseQuizConfig(hidden).ok).toBe(true);
  });
  it.each([
    [{ ...quiz, questions: [] }, 'questions: a quiz needs at least 1 question'],
    [{ ...quiz, questions: [{ ...quiz.questions[0], correct: ['maybe'] }] }, 'correct answers must be among the choices'],
    [{ ...quiz, questions: [{ ...quiz.questions[0], correct: ['yes', 'no'] }] }, 'exactly 1 correct choice'],
    [{ ...quiz, bands: [{ min: 120, message: 'x' }] }, 'bands.0.min: must be from 0 to 100'],
  ])('says what is wrong: %#', (input, message) => {
    const r = parseQuizConfig(input);
    expect(!r.ok && r.error).toContain(message);
  });
  it('scores an attempt and picks the band with the highest minimum reached', () => {
    const right = { choices: ['no'], correct: true, key: ['no'] };
    const wrong = { choices: ['logo'], correct: false, key: ['urgent', 'typo'] };
    expect(quizScore(quiz, { q1: right, q2: wrong })).toEqual({ score: 1, total: 2, percent: 50, message: 'Good start.' });
    expect(quizScore(quiz, { q1: right, q2: { ...wrong, correct: true } }).message).toBe('Perfect!');
    expect(quizScore(quiz, {}).message).toBe('Worth a refresher.');
    expect(quizScore({ ...quiz, bands: undefined }, {})).toEqual({ score: 0, total: 2, percent: 0 });
  });
});
