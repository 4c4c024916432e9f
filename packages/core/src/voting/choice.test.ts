import { describe, expect, it } from 'vitest';
import { choicePolicy, parseChoiceConfig } from '../index.ts';

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
