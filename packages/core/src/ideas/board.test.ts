import { describe, expect, it } from 'vitest';
import { boardList, similarIdeas, stems, type Idea } from '../index.ts';

describe('words, search and similar ideas', () => {
  it('drops common words and keeps short stems, in English and Ukrainian', () => {
    expect(stems('Please add a Dark Mode to the app!', 'en')).toEqual(['dark', 'mod', 'app']);
    expect(stems('Додайте, будь ласка, темну тему в застосунку', 'uk')).toEqual(['дод', 'темн', 'тем', 'заст']);
    expect(stems('З’єднання 24/7', 'uk')).toEqual(['зєдн', '24', '7']);
  });

  const idea = (id: string, title: string, extra: Partial<Idea> = {}): Idea => ({
    id,
    title,
    status: 'review',
    createdAt: `2026-01-0${id.length}T00:00:00Z`,
    own: false,
    ...extra,
  });
  const ideas = [
    idea('a', 'Dark mode for the mobile app'),
    idea('bb', 'Notifications when a bus is late', { details: 'Push or email' }),
    idea('ccc', 'Offline maps', { category: 'app' }),
    idea('dddd', 'Темна тема для застосунку', { status: 'planned' }),
    idea('eeeee', 'Night mode', { status: 'pending', own: false }),
  ];

  it('finds similar titles while typing, best first, in either language', () => {
    expect(similarIdeas('dark mo', ideas, {}, 'en').map((i) => i.id)).toEqual(['a']);
    expect(similarIdeas('notify me when late', ideas, {}, 'en').map((i) => i.id)).toEqual(['bb']);
    expect(similarIdeas('Темної теми дуже хочу', ideas, {}, 'uk').map((i) => i.id)).toEqual(['dddd']);
    expect(similarIdeas('the and of', ideas, {}, 'en')).toEqual([]);
    // someone else's pending "Night mode" is never suggested; the public dark mode is
    expect(similarIdeas('night mode', ideas, {}, 'en').map((i) => i.id)).toEqual(['a']);
  });

  it('filters, searches and sorts a board', () => {
    const counts = { a: 3, bb: 10, ccc: 3 };
    // a waiting idea (only ever listed for its author) comes first
    expect(boardList(ideas, counts, { sort: 'top' }).map((i) => i.id)).toEqual(['eeeee', 'bb', 'ccc', 'a', 'dddd']);
    expect(boardList(ideas, counts, { sort: 'new' }).map((i) => i.id)).toEqual(['eeeee', 'dddd', 'ccc', 'bb', 'a']);
    expect(boardList(ideas, counts, { status: 'planned' }).map((i) => i.id)).toEqual(['dddd']);
    expect(boardList(ideas, counts, { category: 'app' }).map((i) => i.id)).toEqual(['ccc']);
    expect(boardList(ideas, counts, { search: 'email' }).map((i) => i.id)).toEqual(['bb']);
    expect(boardList(ideas, counts, { search: 'mobile dark' }).map((i) => i.id)).toEqual(['a']);
    expect(boardList(ideas, counts, { search: 'dark buses' })).toEqual([]);
  });

  it('puts the author’s waiting ideas first', () => {
    const mine = [...ideas, idea('ffffff', 'My pending idea', { status: 'pending', own: true })];
    expect(boardList(mine, { a: 99 }, { sort: 'top' })[0]!.id).toBe('ffffff');
  });

  it('stays fast on 5,000 ideas (typing re-uses cached words)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => idea(`x${i}`, `Idea number ${i} about topic ${i % 97}`, { details: 'Some longer text to search through' }));
    boardList(many, {}, { search: 'topic' });
    const t0 = performance.now();
    const found = boardList(many, {}, { search: 'number 42' });
    similarIdeas('topic 42', many, {}, 'en');
    const ms = performance.now() - t0;
    expect(found.map((i) => i.id)).toContain('x42');
    // generous bound: the point is that nothing is re-tokenized (a cold run takes ~10x longer)
    expect(ms).toBeLessThan(1000);
  });
});
