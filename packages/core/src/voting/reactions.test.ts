import { describe, expect, it } from 'vitest';
import { emojiId, emojiName, parseReactionsConfig, reactionsPolicy } from '../index.ts';

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
