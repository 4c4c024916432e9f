import { describe, expect, it } from 'vitest';
import { KoloError, localAdapter, memoryAdapter, memoryStorage, quizRules, shareCorrect, type AnswerAction, type KoloAdapter } from '../index.ts';

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
  ['memoryAdapter', () => memoryAdapter({ rules: [quizRules] })],
  ['localAdapter', () => localAdapter({ storage: memoryStorage(), rules: [quizRules] })],
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
