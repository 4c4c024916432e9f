import { describe, expect, it } from 'vitest';
import { parseQuizConfig, quizScore, type QuizConfig } from '../index.ts';

const quiz: QuizConfig = {
  id: 'phishing',
  questions: [
    { id: 'q1', text: 'Is this link safe?', choices: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }], correct: ['no'], explanation: 'Check the domain.' },
    {
      id: 'q2',
      text: 'Which are signs of phishing?',
      multiple: true,
      choices: [{ id: 'urgent', label: 'Urgency' }, { id: 'typo', label: 'Typos' }, { id: 'logo', label: 'A logo' }],
      correct: ['urgent', 'typo'],
    },
  ],
  bands: [
    { min: 0, message: 'Worth a refresher.' },
    { min: 100, message: 'Perfect!' },
    { min: 50, message: 'Good start.' },
  ],
};

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
