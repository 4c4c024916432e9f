/** A quiz for core's tests: two questions (one with several answers) and three score bands. */
import type { QuizConfig } from '../index.ts';

export const sampleQuiz: QuizConfig = {
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
