import { describe, expect, it } from 'vitest';
import { type WidgetRef, KoloError, ideaPolicy, localAdapter, memoryAdapter, memoryStorage, moderateIdea, ideaRules, type IdeaAction, type IdeaBoardConfig, type SeedIdea } from '../index.ts';

const board: IdeaBoardConfig = { id: 'roadmap', minFillSeconds: 0 };
const policy = ideaPolicy(board);
const W: WidgetRef = { kind: 'ideas', id: 'roadmap' };
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

describe('idea rules (memory and local adapters)', () => {
  it('publishes an idea, or keeps it pending for its author only when moderated', async () => {
    const a = memoryAdapter({ rules: [ideaRules] });
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

  it('keeps a waiting idea\'s id out of other voters\' counts and upvotes, for memory and local alike', async () => {
    for (const a of [memoryAdapter({ rules: [ideaRules] }), localAdapter({ storage: memoryStorage(), rules: [ideaRules] })]) {
      const shown = (await a.send(ideaAction('v1', 'Public transport map'))).ideas![0]!.id;
      const own = await a.send(ideaAction('v1', 'Night buses on weekends', { policy: { ...policy, moderated: true } }));
      const waiting = own.ideas!.find((i) => i.status === 'pending')!.id;
      expect([own.counts[waiting], own.mine.includes(waiting)]).toEqual([1, true]);
      const other = await a.load(W, 'v2');
      expect(JSON.stringify(other)).not.toContain(waiting);
      expect([other.counts, other.voters]).toEqual([{ [shown]: 1 }, 1]);
    }
  });

  it('never returns the contact', async () => {
    const a = memoryAdapter({ rules: [ideaRules] });
    const t = await a.send(ideaAction('v1', 'Public transport map', { idea: { title: 'Public transport map', contact: 'me@example.com' } }));
    expect(JSON.stringify(t)).not.toContain('example.com');
  });

  it('refuses the honeypot, a too-fast form, invalid fields and more than the daily limit', async () => {
    const a = memoryAdapter({ rules: [ideaRules] });
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
    const a = memoryAdapter({ rules: [ideaRules] });
    const action = ideaAction('v1', 'Public transport map');
    await a.send(action);
    const t = await a.send(action);
    expect(t.ideas).toHaveLength(1);
    expect(t.counts[action.id]).toBe(1);
  });

  it('counts one upvote per person per idea, removable, only on open public ideas', async () => {
    const a = memoryAdapter({ rules: [ideaRules] });
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
    const a = memoryAdapter({ rules: [ideaRules] });
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
    const a = memoryAdapter({ rules: [ideaRules], seed: { 'ideas:roadmap': { counts: { s1: 40 }, ideas: seed } } });
    await a.send(upvote('v1', 's1'));
    expect((await a.load(W, 'v1')).counts.s1).toBe(41);
    await moderateIdea(a, board, 's1', { status: 'done', answer: 'Here it is' });
    expect((await a.load(W, 'v1')).ideas?.[0]).toMatchObject({ id: 's1', status: 'done', answer: 'Here it is', own: false });
  });

  it('keeps ideas in localStorage, drops malformed stored ideas, and tells other tabs', async () => {
    const storage = memoryStorage();
    const a = localAdapter({ storage, rules: [ideaRules] });
    const idea = ideaAction('v1', 'Public transport map');
    await a.send(idea);
    const raw = JSON.parse(storage.getItem('kolo:v1:ideas:roadmap')!);
    raw.ideas.bad = { id: 'bad', title: 42 };
    storage.setItem('kolo:v1:ideas:roadmap', JSON.stringify(raw));
    const b = localAdapter({ storage, rules: [ideaRules] });
    const t = await b.load(W, 'v1');
    expect(t.ideas?.map((i) => i.id)).toEqual([idea.id]);
    expect(t.mine).toEqual([idea.id]);
  });

  it('moderates only once moderateIdea taught its rules (an idea form alone does not carry them)', async () => {
    const a = memoryAdapter({ rules: [ideaRules] });
    await a.send(ideaAction('v1', 'Moderated later on'));
    const moderate = { type: 'moderate' as const, id: `m${++n}`, voter: 'moderator', widget: W, idea: 'i' + n, status: 'planned' as const, at: '' };
    expect((await rejection(a.send(moderate))).reason).toBe('unknown-action');
    const [idea] = (await a.load(W, 'v1')).ideas!;
    const t = await moderateIdea(a, board, idea!.id, { status: 'planned' });
    expect(t.ideas?.map((i) => i.status)).toEqual(['planned']);
  });

  it('refuses an action type no rules know', async () => {
    const a = memoryAdapter({ rules: [ideaRules] });
    expect((await rejection(a.send({ type: 'nope', widget: W } as never))).reason).toBe('unknown-action');
  });

  it('a local adapter taught the rules after it was made (as the idea store does) keeps ideas in storage', async () => {
    const storage = memoryStorage();
    const a = localAdapter({ storage });
    a.addRules(ideaRules);
    await a.send(ideaAction('v1', 'Taught after it was made'));
    expect((await a.load(W, 'v1')).ideas?.map((i) => i.title)).toEqual(['Taught after it was made']);
    const later = localAdapter({ storage });
    later.addRules(ideaRules);
    expect((await later.load(W, 'v2')).ideas?.map((i) => i.title)).toEqual(['Taught after it was made']);
  });
});
