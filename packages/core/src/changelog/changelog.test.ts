import { describe, expect, it } from 'vitest';
import { byMonth, changelogRulesSchema, createChangelogStore, entriesOf, memoryAdapter, mergeLive, moderateIdea, pageOf, parseChangelog, type ChangelogEntry, type SeedIdea, type View } from '../index.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));
const idea = (id: string, status: SeedIdea['status'], at: string, more: Partial<SeedIdea> = {}): SeedIdea => ({ id, title: `Idea ${id}`, status, createdAt: '2026-01-01T10:00:00Z', firstResponseAt: at, ...more });
const entry = (id: string, at: string): ChangelogEntry => ({ board: 'ideas:roadmap', id, title: id, at, asked: 0 });

describe('changelog entries', () => {
  it('lists only ideas done and questions answered, newest first, with answer, link and upvotes', () => {
    const roadmap: View = {
      counts: { a: 5, b: 2 },
      voters: 7,
      mine: [],
      ideas: [
        { ...idea('a', 'done', '2026-10-03T09:00:00Z', { answer: 'Shipped', link: 'https://example.org/a' }), own: false },
        { ...idea('b', 'planned', '2026-10-04T09:00:00Z'), own: false },
        { ...idea('p', 'pending', '2026-10-04T09:00:00Z'), own: true },
      ],
    };
    const ama: View = { counts: {}, voters: 0, mine: [], ideas: [{ ...idea('q', 'done', '2026-11-01T09:00:00Z'), own: false }] };
    expect(entriesOf([{ key: 'ideas:roadmap', view: roadmap }, { key: 'questions:ama', view: ama }])).toEqual([
      { board: 'questions:ama', id: 'q', title: 'Idea q', at: '2026-11-01T09:00:00Z', asked: 0 },
      { board: 'ideas:roadmap', id: 'a', title: 'Idea a', answer: 'Shipped', link: 'https://example.org/a', at: '2026-10-03T09:00:00Z', asked: 5 },
    ]);
  });

  it('groups by month in the reader language and time zone, newest month first', () => {
    const months = byMonth([entry('c', '2026-11-02T00:30:00Z'), entry('b', '2026-11-01T10:00:00Z'), entry('a', '2026-10-31T23:30:00Z')], 'en', 'UTC');
    expect(months.map((m) => [m.key, m.label, m.entries.map((e) => e.id)])).toEqual([
      ['2026-11', 'November 2026', ['c', 'b']],
      ['2026-10', 'October 2026', ['a']],
    ]);
    // in Kyiv (UTC+2 in winter) the last entry of October is already in November
    const kyiv = byMonth([entry('a', '2026-10-31T23:30:00Z')], 'uk', 'Europe/Kyiv');
    expect(kyiv[0]).toMatchObject({ key: '2026-11', label: 'листопад 2026 р.' });
  });

  it('pages, and merges a live first page without losing older pages', () => {
    const all = ['e', 'd', 'c', 'b', 'a'].map((id, i) => entry(id, `2026-10-0${5 - i}T10:00:00Z`));
    const first = pageOf(all, 2);
    expect(first.entries!.map((e) => e.id)).toEqual(['e', 'd']);
    const second = pageOf(all, 2, first.next);
    const shown = { ...second, entries: [...first.entries!, ...second.entries!] };
    expect(shown.entries!.map((e) => e.id)).toEqual(['e', 'd', 'c', 'b']);
    // a new entry ships, "d" is taken back (within the range the update covers)
    const now = [entry('f', '2026-10-09T10:00:00Z'), ...all.filter((e) => e.id !== 'd')];
    const merged = mergeLive(shown, pageOf(now, 3));
    expect(merged.entries!.map((e) => e.id)).toEqual(['f', 'e', 'c', 'b']);
    expect(merged.next).toBe(shown.next);
    // an update with no further page covers everything
    expect(mergeLive(shown, pageOf([entry('f', '2026-10-09T10:00:00Z')], 5)).entries!.map((e) => e.id)).toEqual(['f']);
  });
});

describe('changelog content and rules', () => {
  it('takes board keys only', () => {
    expect(parseChangelog({ id: 'shipped', boards: ['ideas:roadmap', 'questions:ama'] })).toMatchObject({ ok: true });
    expect(parseChangelog({ id: 'shipped', boards: ['poll:x'] })).toEqual({ ok: false, error: 'boards.0: must name a board: ideas:<id> or questions:<id>' });
    expect(changelogRulesSchema.safeParse({ boards: [] }).success).toBe(false);
    expect(changelogRulesSchema.safeParse({ boards: ['ideas:roadmap'], title: 'What we shipped' }).success).toBe(true);
  });
});

describe('changelog store on a memory adapter', () => {
  const seed = {
    'ideas:roadmap': { counts: { a: 3, c: 1 }, ideas: [idea('a', 'done', '2026-10-03T09:00:00Z'), idea('b', 'planned', '2026-10-04T09:00:00Z'), idea('c', 'done', '2026-09-03T09:00:00Z')] },
    'questions:ama': { counts: {}, ideas: [idea('q', 'done', '2026-11-01T09:00:00Z', { answer: 'Yes' })] },
  };

  it('computes the boards the content names, pages them, and follows the team marking one done', async () => {
    const a = memoryAdapter({ seed });
    const s = createChangelogStore(a, { id: 'shipped', boards: ['ideas:roadmap', 'questions:ama'], pageSize: 2 }, 'v1');
    const stop = s.$view.listen(() => {});
    await settle();
    await settle();
    expect(s.$view.get().tally.entries!.map((e) => e.id)).toEqual(['q', 'a']);
    expect(await s.more()).toBe(true);
    expect(s.$view.get().tally.entries!.map((e) => [e.id, e.asked])).toEqual([['q', 0], ['a', 3], ['c', 1]]);
    expect(s.$view.get().tally.next).toBeUndefined();
    await moderateIdea(a, { id: 'roadmap', kind: 'idea' }, 'b', { status: 'done', answer: 'Done' });
    await settle();
    await settle();
    expect(s.$view.get().tally.entries!.map((e) => e.id)).toEqual(['q', 'b', 'a', 'c']);
    stop();
  });
});
