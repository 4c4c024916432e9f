import { describe, expect, it } from 'vitest';
import type { Idea, View } from './views.ts';
import { mergeView } from './merge-view.ts';

const idea = (id: string, over: Partial<Idea> = {}): Idea => ({ id, title: id, status: 'review', createdAt: '2026-12-01T00:00:00.000Z', own: false, ...over });

describe('mergeView', () => {
  it('a whole view replaces the last one', () => {
    const last: View = { counts: { a: 1 }, voters: 1, mine: ['a'] };
    const next: View = { counts: { b: 2 }, voters: 2, mine: [] };
    expect(mergeView(false, last, next)).toBe(next);
  });

  it('a public update of a poll replaces counts and voters and keeps the voter\'s choices and answers', () => {
    const last: View = { counts: { a: 1, b: 1 }, voters: 2, mine: ['a'], answers: { q: { choices: ['x'], correct: true, key: ['x'] } } };
    const merged = mergeView(false, last, { counts: { a: 1 }, voters: 3, mine: [], partial: 'public' });
    expect(merged).toEqual({ counts: { a: 1 }, voters: 3, mine: ['a'], answers: last.answers });
  });

  it('a public board update overlays the changed ideas, keeps what it does not name, and drops removed ones', () => {
    const last: View = { counts: { a: 3, b: 1, c: 2 }, voters: 4, mine: ['a', 'c'], ideas: [idea('a', { own: true }), idea('b'), idea('c')] };
    const merged = mergeView(true, last, {
      partial: 'public',
      counts: { a: 4, d: 1 },
      voters: 5,
      mine: [],
      ideas: [idea('a', { status: 'planned' }), idea('d')],
      removed: ['c'],
    });
    expect(merged.counts).toEqual({ a: 4, b: 1, d: 1 });
    expect(merged.voters).toBe(5);
    // a public update says nothing of this voter's upvotes, except that a removed idea is gone
    expect(merged.mine).toEqual(['a']);
    expect(merged.ideas!.map((i) => [i.id, i.status, i.own])).toEqual([['a', 'planned', true], ['b', 'review', false], ['d', 'review', false]]);
  });

  it("a board's answer to the voter's upvote sets their upvote of that idea and its count", () => {
    const last: View = { counts: { a: 3, b: 1 }, voters: 4, mine: ['a', 'b'], ideas: [idea('a'), idea('b')] };
    const off = mergeView(true, last, { partial: 'voter', counts: {}, voters: 4, mine: [], ideas: [idea('b')] });
    expect(off.counts).toEqual({ a: 3 });
    expect(off.mine).toEqual(['a']);
    const on = mergeView(true, off, { partial: 'voter', counts: { b: 1 }, voters: 4, mine: ['b'], ideas: [idea('b')] });
    expect(on.counts).toEqual({ a: 3, b: 1 });
    expect(on.mine).toEqual(['a', 'b']);
    expect(on.ideas!.map((i) => i.id)).toEqual(['a', 'b']);
  });
});
