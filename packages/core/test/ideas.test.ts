import { describe, expect, it } from 'vitest';
import {
  KoloError,
  boardList,
  checkIdea,
  createIdeaStore,
  ideaPolicy,
  localAdapter,
  memoryAdapter,
  memoryStorage,
  moderateIdea,
  parseIdeaBoard,
  similarIdeas,
  stems,
  useIdeaRules,
  withUpvote,
  type Idea,
  type IdeaAction,
  type IdeaBoardConfig,
  type KoloAdapter,
  type SeedIdea,
} from '../src/index.ts';

const settle = () => new Promise((r) => setTimeout(r, 0));
const board: IdeaBoardConfig = { id: 'roadmap', minFillSeconds: 0 };
const policy = ideaPolicy(board);
const W = { kind: 'ideas', id: 'roadmap' };
const long = new Date(Date.now() - 60_000);

let n = 0;
const ideaAction = (voter: string, title: string, extra: Partial<IdeaAction> = {}): IdeaAction => ({
  type: 'idea',
  id: `i${++n}`,
  voter,
  widget: W,
  idea: { title },
  honeypot: '',
  startedAt: long.toISOString(),
  policy,
  at: new Date().toISOString(),
  ...extra,
});
const upvote = (voter: string, idea: string, on = true) => ({ type: 'upvote' as const, id: `u${++n}`, voter, widget: W, idea, on, at: '' });

const rejection = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(KoloError);
  return e as KoloError;
};

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

describe('idea rules (memory and local adapters)', () => {
  it('publishes an idea, or keeps it pending for its author only when moderated', async () => {
    const a = memoryAdapter();
    useIdeaRules();
    await a.send(ideaAction('v1', 'Public transport map'));
    const t = await a.send(ideaAction('v1', 'Night buses on weekends', { policy: { ...policy, moderated: true } }));
    expect(t.ideas?.map((i) => [i.title, i.status, i.own])).toEqual([
      ['Public transport map', 'review', true],
      ['Night buses on weekends', 'pending', true],
    ]);
    // the author's upvote comes with each idea
    expect(t.mine).toHaveLength(2);
    const other = await a.load(W, 'v2');
    expect(other.ideas?.map((i) => [i.title, i.own])).toEqual([['Public transport map', false]]);
  });

  it('never returns the contact', async () => {
    const a = memoryAdapter();
    const t = await a.send(ideaAction('v1', 'Public transport map', { idea: { title: 'Public transport map', contact: 'me@example.com' } }));
    expect(JSON.stringify(t)).not.toContain('example.com');
  });

  it('refuses the honeypot, a too-fast form, invalid fields and more than the daily limit', async () => {
    const a = memoryAdapter();
    expect((await rejection(a.send(ideaAction('v1', 'Public transport map', { honeypot: 'http://spam' })))).reason).toBe('spam');
    const fast = ideaAction('v1', 'Public transport map', { startedAt: new Date().toISOString(), policy: { ...policy, minFillMs: 5000 } });
    expect((await rejection(a.send(fast))).reason).toBe('too-fast');
    const bad = await rejection(a.send(ideaAction('v1', 'Hi')));
    expect([bad.reason, bad.message]).toEqual(['invalid-idea', 'title: too-short']);
    const limited = { ...policy, maxPerDay: 2 };
    await a.send(ideaAction('v1', 'First idea here', { policy: limited }));
    await a.send(ideaAction('v1', 'Second idea here', { policy: limited }));
    const e = await rejection(a.send(ideaAction('v1', 'Third idea here', { policy: limited })));
    expect(e.code).toBe('rate-limited');
    expect(e.retryAfter).toBeGreaterThan(86_000);
    // another person is not limited by v1's ideas
    await a.send(ideaAction('v2', 'Third idea here', { policy: limited }));
    expect((await a.load(W, 'v2')).ideas).toHaveLength(3);
  });

  it('applies a retried submission once', async () => {
    const a = memoryAdapter();
    const action = ideaAction('v1', 'Public transport map');
    await a.send(action);
    const t = await a.send(action);
    expect(t.ideas).toHaveLength(1);
    expect(t.counts[action.id]).toBe(1);
  });

  it('counts one upvote per person per idea, removable, only on open public ideas', async () => {
    const a = memoryAdapter();
    const idea = ideaAction('v1', 'Public transport map');
    await a.send(idea);
    await a.send(upvote('v2', idea.id));
    await a.send(upvote('v2', idea.id));
    expect((await a.load(W, 'v3')).counts[idea.id]).toBe(2);
    const t = await a.send(upvote('v2', idea.id, false));
    expect([t.counts[idea.id], t.mine]).toEqual([1, []]);
    expect((await rejection(a.send(upvote('v2', 'nope')))).reason).toBe('not-found');

    const pending = ideaAction('v1', 'Night buses on weekends', { policy: { ...policy, moderated: true } });
    await a.send(pending);
    expect((await rejection(a.send(upvote('v2', pending.id)))).reason).toBe('not-found');
    await moderateIdea(a, board, idea.id, { status: 'done', answer: 'Shipped in May', link: 'https://example.com/news' });
    expect((await rejection(a.send(upvote('v2', idea.id)))).reason).toBe('closed');
  });

  it('moderates: publish, answer with a link, decline with a reason, reject', async () => {
    const a = memoryAdapter();
    const idea = ideaAction('v1', 'Night buses on weekends', { policy: { ...policy, moderated: true } });
    await a.send(idea);
    await moderateIdea(a, board, idea.id, { status: 'planned' });
    expect((await a.load(W, 'v2')).ideas?.[0]?.status).toBe('planned');
    const done = await moderateIdea(a, board, idea.id, { status: 'done', answer: 'Running since May', link: '/news/buses' });
    expect(done.ideas?.[0]).toMatchObject({ status: 'done', answer: 'Running since May', link: '/news/buses' });
    expect((await rejection(moderateIdea(a, board, idea.id, { status: 'done', link: 'javascript:alert(1)' }))).reason).toBe('invalid-link');
    expect((await rejection(moderateIdea(a, board, idea.id, { status: 'maybe' as never }))).reason).toBe('invalid-status');
    await moderateIdea(a, board, idea.id, { status: 'rejected', reason: 'Off topic' });
    expect((await a.load(W, 'v2')).ideas).toEqual([]);
    expect((await a.load(W, 'v1')).ideas?.[0]).toMatchObject({ status: 'rejected', reason: 'Off topic', own: true });
  });

  it('shows seeded ideas with their upvotes and lets a moderator change them', async () => {
    const seed: SeedIdea[] = [{ id: 's1', title: 'Dark mode', status: 'review', createdAt: '2026-01-01T00:00:00Z' }];
    const a = memoryAdapter({ seed: { 'ideas:roadmap': { counts: { s1: 40 }, ideas: seed } } });
    await a.send(upvote('v1', 's1'));
    expect((await a.load(W, 'v1')).counts.s1).toBe(41);
    await moderateIdea(a, board, 's1', { status: 'done', answer: 'Here it is' });
    expect((await a.load(W, 'v1')).ideas?.[0]).toMatchObject({ id: 's1', status: 'done', answer: 'Here it is', own: false });
  });

  it('keeps ideas in localStorage, drops malformed stored ideas, and tells other tabs', async () => {
    const storage = memoryStorage();
    const a = localAdapter({ storage });
    const idea = ideaAction('v1', 'Public transport map');
    await a.send(idea);
    const raw = JSON.parse(storage.getItem('kolo:v1:ideas:roadmap')!);
    raw.ideas.bad = { id: 'bad', title: 42 };
    storage.setItem('kolo:v1:ideas:roadmap', JSON.stringify(raw));
    const b = localAdapter({ storage });
    const t = await b.load(W, 'v1');
    expect(t.ideas?.map((i) => i.id)).toEqual([idea.id]);
    expect(t.mine).toEqual([idea.id]);
  });

  it('refuses an action type no rules know', async () => {
    const a = memoryAdapter();
    expect((await rejection(a.send({ type: 'nope', widget: W } as never))).reason).toBe('unknown-action');
  });
});

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

describe('idea store', () => {
  const store = (adapter: KoloAdapter, voter = 'v1', cfg: IdeaBoardConfig = board) => {
    const s = createIdeaStore(adapter, cfg, voter);
    const stop = s.$view.listen(() => {});
    return { s, stop };
  };

  it('submits and returns the stored idea with its status', async () => {
    const a = memoryAdapter();
    const { s } = store(a, 'v1', { ...board, moderated: true });
    await settle();
    const idea = await s.submit({ title: '  Night   buses on weekends ', contact: 'me@example.com' }, { honeypot: '', startedAt: long });
    expect(idea).toMatchObject({ title: 'Night buses on weekends', status: 'pending', own: true });
    expect(s.$view.get().pending).toBe(null);
  });

  it('upvotes optimistically and rolls back when refused', async () => {
    let fail = false;
    const inner = memoryAdapter();
    const a: KoloAdapter = {
      load: (w, v) => inner.load(w, v),
      send: (x) => (fail ? Promise.reject(new KoloError('network')) : inner.send(x)),
      subscribe: inner.subscribe!.bind(inner),
    };
    const { s } = store(a);
    await settle();
    const idea = await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long });
    const { s: other } = store(a, 'v2');
    await settle();
    const p = other.upvote(idea!.id, true);
    expect(other.$view.get().tally.counts[idea!.id]).toBe(2);
    expect(await p).toBe(true);
    // the author's store saw it live
    expect(s.$view.get().tally.counts[idea!.id]).toBe(2);
    fail = true;
    const q = other.upvote(idea!.id, false);
    expect(other.$view.get().tally.counts[idea!.id]).toBe(1);
    expect(await q).toBe(false);
    expect(other.$view.get().tally.counts[idea!.id]).toBe(2);
    expect(other.$view.get().error?.code).toBe('network');
  });

  it('withUpvote changes nothing when the upvote is already as asked', () => {
    const t = { counts: { a: 1 }, voters: 1, mine: ['a'] };
    expect(withUpvote(t, 'a', true)).toBe(t);
    expect(withUpvote(t, 'a', false)).toEqual({ counts: { a: 0 }, voters: 1, mine: [] });
  });

  it('keeps ideas and questions with the same id apart', async () => {
    const a = memoryAdapter();
    const { s } = store(a);
    const { s: q } = store(a, 'v1', { ...board, kind: 'question' });
    await settle();
    await s.submit({ title: 'Public transport map' }, { honeypot: '', startedAt: long });
    await settle();
    expect(q.$view.get().tally.ideas ?? []).toEqual([]);
    expect(q.widget).toEqual({ kind: 'questions', id: 'roadmap' });
  });
});
