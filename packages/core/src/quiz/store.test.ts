import { describe, expect, it } from 'vitest';
import { KoloError, createQuizStore, memoryAdapter, type KoloAdapter } from '../index.ts';
import { sampleQuiz } from '../test-utils/quiz.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));

const quiz = sampleQuiz;

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
