import { describe, expect, it } from 'vitest';
import { ideaPolicy, parseIdeaBoard, type IdeaBoardConfig } from '../index.ts';

const board: IdeaBoardConfig = { id: 'roadmap', minFillSeconds: 0 };

describe('idea board config', () => {
  it('accepts a minimal board and fills the policy defaults', () => {
    const r = parseIdeaBoard({ id: 'roadmap' });
    expect(r.ok).toBe(true);
    expect(ideaPolicy(r.ok ? r.value : board)).toEqual({
      moderated: false,
      minFillMs: 3000,
      maxPerDay: 5,
      titleMin: 8,
      titleMax: 140,
      detailsMax: 2000,
      categories: [],
    });
  });

  it('names the field that is wrong', () => {
    expect(parseIdeaBoard({ id: 'x', kind: 'poll' })).toEqual({ ok: false, error: 'kind: must be idea or question' });
    expect(parseIdeaBoard({ id: 'x', maxPerDay: 0 })).toEqual({ ok: false, error: 'maxPerDay: must be a whole number from 1 to 1000' });
    const dup = parseIdeaBoard({ id: 'x', categories: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] });
    expect(dup.ok === false && dup.error).toBe('categories: category ids must be unique');
    expect(parseIdeaBoard({ id: 'x', titleMin: 50, titleMax: 20 }).ok).toBe(false);
  });
});
