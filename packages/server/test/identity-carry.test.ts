// An anonymous browser's ballots, quiz answers, upvotes and ideas move to the signed person the first
// time its voter id comes with a valid token: once, and never counted twice (real HTTP, both databases).
import { describe, expect, it } from 'vitest';
import { as, drivers, idea, key, now, serverFor, vote } from './harness.ts';
import { signedAs, token } from './identity-tokens.ts';
import { identityConfig } from './identity-tokens.ts';

const board = { moderated: false, minFillMs: 0, maxPerDay: 100, titleMin: 3, titleMax: 140, detailsMax: 2000, categories: [] };
const answer = (voter: string, question: string, choices: string[]) => ({
  type: 'answer', id: key('q'), voter, widget: { kind: 'quiz', id: 'carry-quiz' }, question, choices, policy: { options: ['yes', 'no'], multiple: false }, key: ['yes'], at: now(),
});
const upvote = (voter: string, ideaId: string) => ({ type: 'upvote', id: key('u'), voter, widget: { kind: 'ideas', id: 'carry-board' }, idea: ideaId, on: true, at: now() });

describe.each(drivers)('carrying an anonymous browser over to a signed person on $name', ({ url }) => {
  const ctx = serverFor(url, { identity: identityConfig });
  const post = async (action: object, jwt?: string) => ctx.api.post('/v1/actions', action, jwt ? signedAs(jwt) : {});
  const poll = async (id: string, voter = 'v_onlooker1', jwt?: string) => (await ctx.api.get(`/v1/widgets/poll/${id}`, { ...as(voter), ...(jwt ? signedAs(jwt) : {}) })).body;

  it('moves a ballot made before signing in once, and never doubles one made on a second browser', async () => {
    const me = () => token('carry-user');
    // anonymous on the laptop, then signed in there (an action on another widget): the ballot moves
    expect((await post(vote('carry-1', 'v_laptop0001', ['a']))).status).toBe(200);
    expect((await post(vote('carry-2', 'v_laptop0001', ['a']), await me())).status).toBe(200);
    expect(await poll('carry-1')).toMatchObject({ voters: 1, counts: { a: 1 } });
    expect((await poll('carry-1', 'v_phone00001', await me())).mine).toEqual(['a']);
    expect((await poll('carry-1', 'v_laptop0001')).mine).toEqual([]);
    // anonymous on the phone too (a second ballot: two voters for now), then signed in there: the person's ballot stays
    expect((await post(vote('carry-1', 'v_phone00002', ['b']))).status).toBe(200);
    expect(await poll('carry-1')).toMatchObject({ voters: 2, counts: { a: 1, b: 1 } });
    const again = await post(vote('carry-1', 'v_phone00002', ['b']), await me());
    expect([again.status, again.body.error?.reason]).toEqual([409, 'already-voted']);
    const after = await poll('carry-1');
    expect([after.voters, after.counts]).toEqual([1, { a: 1 }]);
    // once: the laptop's later anonymous ballot stays its own (the link is recorded), and signing in again moves nothing
    expect((await post(vote('carry-3', 'v_laptop0001', ['c']))).status).toBe(200);
    expect((await post(vote('carry-2', 'v_laptop0001', ['a']), await me())).body.error?.reason).toBe('already-voted');
    expect((await poll('carry-3', 'v_other0001', await me())).mine).toEqual([]);
    expect(await poll('carry-3')).toMatchObject({ voters: 1, counts: { c: 1 } });
  });

  it('moves a read too: a page loaded signed in shows the ballot made anonymously', async () => {
    expect((await post(vote('carry-read', 'v_reader0001', ['b']))).status).toBe(200);
    expect((await poll('carry-read', 'v_reader0001', await token('carry-reader'))).mine).toEqual(['b']);
    expect((await poll('carry-read', 'v_reader0002', await token('carry-reader'))).mine).toEqual(['b']);
    expect(await poll('carry-read')).toMatchObject({ voters: 1, counts: { b: 1 } });
  });

  it("keeps a quiz's counters right: the person's answer stays, the browser's first attempt comes off", async () => {
    const me = await token('carry-quizzer');
    // the person answered q1 wrong on their laptop; their phone, anonymous, answered q1 right and q2 right
    expect((await post(answer('v_qlaptop001', 'q1', ['no']), me)).status).toBe(200);
    expect((await post(answer('v_qphone0001', 'q1', ['yes']))).status).toBe(200);
    expect((await post(answer('v_qphone0001', 'q2', ['yes']))).status).toBe(200);
    const quiz = async () => (await ctx.api.get('/v1/widgets/quiz/carry-quiz', as('v_qonlooker1'))).body;
    expect(await quiz()).toMatchObject({ voters: 2, counts: { 'q1:answered': 2, 'q1:correct': 1, 'q2:answered': 1, 'q2:correct': 1 } });
    const mine = (await ctx.api.get('/v1/widgets/quiz/carry-quiz', { ...as('v_qphone0001'), ...signedAs(me) })).body;
    expect([mine.answers.q1.choices, mine.answers.q2.choices]).toEqual([['no'], ['yes']]);
    const q = await quiz();
    expect([q.voters, q.counts]).toEqual([1, { 'q1:answered': 1, 'q2:answered': 1, 'q2:correct': 1 }]);
  });

  it("moves upvotes and ideas: an idea both upvoted loses the browser's vote, the board one voter", async () => {
    const me = await token('carry-upvoter');
    const made = await post(idea('carry-board', 'v_author0001', 'Dark mode please', board));
    const id = made.body.ideas[0].id;
    expect((await post(upvote('v_ulaptop001', id), me)).status).toBe(200);
    expect((await post(upvote('v_uphone0001', id))).status).toBe(200);
    const anonIdea = await post(idea('carry-board', 'v_uphone0001', 'Offline reading', board));
    const boardView = async (voter = 'v_uonlooker1', jwt?: string) => (await ctx.api.get('/v1/widgets/ideas/carry-board', { ...as(voter), ...(jwt ? signedAs(jwt) : {}) })).body;
    expect((await boardView()).counts[id]).toBe(3);
    // voters: the author, the person (laptop) and the phone
    expect((await boardView()).voters).toBe(3);
    const signedIn = await boardView('v_uphone0001', me);
    expect(signedIn.counts[id]).toBe(2);
    expect(signedIn.voters).toBe(2);
    expect(signedIn.mine.sort()).toEqual([id, anonIdea.body.ideas[0].id].sort());
    expect(signedIn.ideas.find((i: { id: string }) => i.id === anonIdea.body.ideas[0].id).own).toBe(true);
  });
});
