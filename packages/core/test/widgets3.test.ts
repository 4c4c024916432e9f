import { describe, expect, it } from 'vitest';
import {
  KoloError,
  choicePolicy,
  createQuizStore,
  emojiId,
  emojiName,
  localAdapter,
  memoryAdapter,
  memoryStorage,
  parseChoiceConfig,
  parseQuizConfig,
  parseReactionsConfig,
  quizScore,
  reactionsPolicy,
  shareCorrect,
  type AnswerAction,
  type KoloAdapter,
  type QuizConfig,
} from '../src/index.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('choice config', () => {
  const valid = {
    id: 'digest',
    question: 'Which digest?',
    options: [
      { id: 'weekly', title: 'A: Weekly', text: 'One long email', image: { src: '/a.png', alt: 'A calendar' } },
      { id: 'daily', title: 'B: Daily' },
    ],
  };
  it('accepts scenarios with optional text and image and derives a single-choice policy', () => {
    const r = parseChoiceConfig({ ...valid, allowChange: true });
    expect(r.ok && choicePolicy(r.value)).toEqual({ options: ['weekly', 'daily'], multiple: false, change: true });
  });
  it.each([
    [{ ...valid, options: [valid.options[0]] }, 'options: a choice needs at least 2 scenarios'],
    [{ ...valid, options: [valid.options[1], valid.options[1]] }, 'scenario ids must be unique'],
    [{ ...valid, options: [{ ...valid.options[0], image: { src: 'javascript:x', alt: '' } }, valid.options[1]] }, 'options.0.image.src'],
    [{ ...valid, options: [{ ...valid.options[0], image: { src: '/a.png' } }, valid.options[1]] }, 'options.0.image.alt'],
  ])('says what is wrong: %#', (input, message) => {
    const r = parseChoiceConfig(input);
    expect(!r.ok && r.error).toContain(message);
  });
});

describe('reactions config', () => {
  it('accepts a set and a larger set, one switchable reaction per person', () => {
    const r = parseReactionsConfig({ id: 'post-1', reactions: [{ id: 'heart', emoji: '❤️' }], more: [{ id: 'fire', emoji: '🔥' }] });
    expect(r.ok && reactionsPolicy(r.value)).toEqual({ options: ['heart', 'fire'], multiple: false, change: true });
  });
  it('refuses duplicates across the two sets and an empty set', () => {
    const dup = parseReactionsConfig({ id: 'p', reactions: [{ id: 'heart', emoji: '❤️' }], more: [{ id: 'heart', emoji: '💖' }] });
    expect(!dup.ok && dup.error).toContain('reaction ids must be unique');
    const empty = parseReactionsConfig({ id: 'p', reactions: [] });
    expect(!empty.ok && empty.error).toContain('reactions: needs at least 1 reaction');
  });
  it('names built-in emoji in English and Ukrainian, and gives unknown ones a stable id', () => {
    expect(emojiName('👍', 'en')).toBe('thumbs up');
    expect(emojiName('👍', 'uk-UA')).toBe('палець угору');
    expect(emojiName('🦄', 'en')).toBe('🦄');
    expect(emojiId('👍')).toBe('thumbs-up');
    expect(emojiId('🦄')).toBe('1f984');
  });
});

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

const answer = (voter: string, question: string, choices: string[], key?: string[], id = `${voter}-${question}-${choices}-${Math.random()}`): AnswerAction => ({
  type: 'answer',
  id,
  voter,
  widget: { kind: 'quiz', id: 'phishing' },
  question,
  choices,
  policy: { options: ['yes', 'no', 'urgent', 'typo', 'logo'], multiple: question === 'q2' },
  ...(key ? { key } : {}),
  at: new Date().toISOString(),
});

describe.each([
  ['memoryAdapter', () => memoryAdapter()],
  ['localAdapter', () => localAdapter({ storage: memoryStorage() })],
] as [string, () => KoloAdapter][])('%s grades quiz answers', (_n, make) => {
  it('grades with the key, counts first attempts for stats and keeps the latest answer', async () => {
    const a = make();
    const t1 = await a.send(answer('v1', 'q1', ['yes'], ['no']));
    expect(t1.answers).toEqual({ q1: { choices: ['yes'], correct: false, key: ['no'] } });
    await a.send(answer('v2', 'q1', ['no'], ['no']));
    const retry = await a.send(answer('v1', 'q1', ['no'], ['no']));
    expect(retry.answers!.q1!.correct).toBe(true);
    expect(retry.counts).toMatchObject({ 'q1:answered': 2, 'q1:correct': 1 });
    expect(shareCorrect(retry, 'q1')).toBe(50);
    expect(shareCorrect(retry, 'q2')).toBeNull();
    expect(retry.voters).toBe(2);
  });
  it('grades multiple answers as a set', async () => {
    const a = make();
    expect((await a.send(answer('v1', 'q2', ['typo', 'urgent'], ['urgent', 'typo']))).answers!.q2!.correct).toBe(true);
    expect((await a.send(answer('v2', 'q2', ['urgent'], ['urgent', 'typo']))).answers!.q2!.correct).toBe(false);
  });
  it('refuses to grade without a key, and refuses unknown or too many choices', async () => {
    const a = make();
    const e = await a.send(answer('v1', 'q1', ['no'])).catch((x: KoloError) => x);
    expect(e).toBeInstanceOf(KoloError);
    expect((e as KoloError).reason).toBe('cannot-grade');
    await expect(a.send(answer('v1', 'q1', ['maybe'], ['no']))).rejects.toMatchObject({ reason: 'invalid-choice' });
    await expect(a.send(answer('v1', 'q1', ['yes', 'no'], ['no']))).rejects.toMatchObject({ reason: 'too-many-choices' });
  });
  it('applies a repeated answer id once', async () => {
    const a = make();
    const act = answer('v1', 'q1', ['yes'], ['no'], 'same');
    await a.send(act);
    await a.send(act);
    expect((await a.load({ kind: 'quiz', id: 'phishing' }, 'v1')).counts['q1:answered']).toBe(1);
  });
});

describe('createQuizStore', () => {
  it('sends the key from the content and returns the graded answer', async () => {
    const store = createQuizStore(memoryAdapter(), quiz, 'v1');
    store.$view.listen(() => {});
    await settle();
    const graded = await store.answer('q1', ['no']);
    expect(graded).toEqual({ choices: ['no'], correct: true, key: ['no'] });
    expect(store.$view.get()).toMatchObject({ pending: null, error: null });
  });
  it('keeps the error when grading fails and ignores unknown questions', async () => {
    const adapter: KoloAdapter = { ...memoryAdapter(), send: () => Promise.reject(new KoloError('network')) };
    const store = createQuizStore(adapter, quiz, 'v1');
    store.$view.listen(() => {});
    await settle();
    expect(await store.answer('nope', ['x'])).toBeNull();
    expect(await store.answer('q1', ['no'])).toBeNull();
    expect(store.$view.get().error?.code).toBe('network');
  });
});
