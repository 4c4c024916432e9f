import { describe, expect, it } from 'vitest';
import { checkIdea, ideaPolicy, type IdeaBoardConfig } from '../index.ts';

const board: IdeaBoardConfig = { id: 'roadmap', minFillSeconds: 0 };
const policy = ideaPolicy(board);

describe('checkIdea', () => {
  const p = { ...policy, categories: ['app'] };
  it('checks every field and says what is wrong', () => {
    expect(checkIdea({ title: '   ' }, p)).toEqual({ title: 'required' });
    expect(checkIdea({ title: 'short' }, p)).toEqual({ title: 'too-short' });
    expect(checkIdea({ title: 'x'.repeat(141) }, p)).toEqual({ title: 'too-long' });
    expect(checkIdea({ title: 'A dark mode for the app', details: 'y'.repeat(2001), category: 'web', contact: 'me@' }, p)).toEqual({
      details: 'too-long',
      category: 'unknown-category',
      contact: 'invalid-email',
    });
    expect(checkIdea({ title: 'A dark mode for the app', category: 'app', contact: 'me@example.com' }, p)).toEqual({});
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkIdea({ title: '😀'.repeat(8) }, p)).toEqual({});
  });
});
