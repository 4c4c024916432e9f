import { describe, expect, it } from 'vitest';
import { isClosed, parsePollConfig, pollPolicy } from '../index.ts';

const valid = {
  id: 'format-2026',
  question: '  Carousel or video? ',
  options: [
    { id: 'carousel', label: 'Carousel' },
    { id: 'video', label: 'Video' },
  ],
};

describe('poll config schema', () => {
  it('accepts a valid config and trims text', () => {
    const r = parsePollConfig(valid);
    expect(r.ok && r.value.question).toBe('Carousel or video?');
  });

  it.each([
    [{ ...valid, options: [valid.options[0]] }, 'options: a poll needs at least 2 options'],
    [{ ...valid, options: [valid.options[0], valid.options[0]] }, 'options: option ids must be unique'],
    [{ ...valid, question: '   ' }, 'question: must not be empty'],
    [{ ...valid, id: 'has space' }, 'id: may hold only'],
    [{ ...valid, closesAt: 'next friday' }, 'closesAt: must be a date'],
    [{ ...valid, results: 'sometimes' }, 'results:'],
    [{ ...valid, maxChoices: 0 }, 'maxChoices: must be a whole number, at least 1'],
    [{ ...valid, nextStep: { label: 'Go', href: 'javascript:alert(1)' } }, 'nextStep.href: must be an http(s)'],
    [{ ...valid, options: [{ id: 'a', label: '' }, { id: 'b', label: 'B' }] }, 'options.0.label: must not be empty'],
  ])('says what is wrong: %#', (input, message) => {
    const r = parsePollConfig(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(message);
  });

  it('rejects things that are not objects', () => {
    for (const bad of [null, 42, 'poll', []]) expect(parsePollConfig(bad).ok).toBe(false);
  });

  it('derives the ballot policy', () => {
    const r = parsePollConfig({ ...valid, multiple: true, maxChoices: 2, allowChange: true, closesAt: '2030-01-01' });
    expect(r.ok && pollPolicy(r.value)).toEqual({
      options: ['carousel', 'video'],
      multiple: true,
      max: 2,
      change: true,
      closesAt: '2030-01-01T00:00:00.000Z',
    });
  });

  it('knows when a poll is closed', () => {
    expect(isClosed({ closesAt: '2030-01-01' }, Date.parse('2029-12-31'))).toBe(false);
    expect(isClosed({ closesAt: '2030-01-01' }, Date.parse('2030-01-01'))).toBe(true);
    expect(isClosed({})).toBe(false);
  });
});
