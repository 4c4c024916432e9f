// Registered widgets: in production the server runs only the widgets the site defined (admin API,
// `PUT /definitions`, seeds with rules, signed definitions) and never takes rules or keys from a client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { signWidget, startServer } from '../src/index.ts';
import { as, client, drivers, idea, key, now, serverFor, testConfig, vote } from './harness.ts';

const SECRET = 'test-signing-secret-0123456789abcdef';
const poll = { options: ['a', 'b', 'c'], multiple: false, change: false };
const board = { moderated: true, minFillMs: 0, maxPerDay: 100, titleMin: 3, titleMax: 140, detailsMax: 2000, categories: [] };
const attackerBoard = { ...board, moderated: false };
const quizKey = (q: number) => (q % 2 ? ['yes'] : ['no']);
const answer = (quiz: string, voter: string, question: string, choices: string[], over: Record<string, unknown> = {}) => ({
  type: 'answer', id: key('q'), voter, widget: { kind: 'quiz', id: quiz }, question, choices, policy: { options: ['yes', 'no'], multiple: false }, at: now(), ...over,
});

describe.each(drivers)('registered widgets in production on $name', ({ url }) => {
  const ctx = serverFor(url, { production: true, signingSecret: SECRET });
  const register = (kind: string, id: string, rules: unknown) => ctx.api.admin('PUT', `/widgets/${kind}/${id}`, { rules });

  it('refuses a poll nobody registered, so a first request cannot brick it', async () => {
    // the attack: one option, closing in 2 s, before the site's first visitor
    const hijack = await ctx.api.post('/v1/actions', vote('launch', 'attacker', ['x'], { policy: { options: ['x'], multiple: false, change: false, closesAt: new Date(Date.now() + 2000).toISOString() } }));
    expect([hijack.status, hijack.body.error.reason]).toEqual([404, 'unknown-widget']);
    expect((await register('poll', 'launch', { policy: poll })).status).toBe(200);
    const ok = await ctx.api.post('/v1/actions', vote('launch', 'reader', ['b']));
    expect([ok.status, ok.body.counts]).toEqual([200, { b: 1 }]);
  });

  it('stores nothing for actions on widgets nobody registered (widget-id rotation)', async () => {
    const count = async (sql: string) => Number((await ctx.server.db.query<{ n: number }>(sql))[0]!.n);
    const before = [await count('select count(*)::int as n from kolo_widgets'), await count('select count(*)::int as n from kolo_actions')];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => ctx.api.post('/v1/actions', vote(`junk-${i}`, `junk-voter-${i}`, ['a']))));
    expect(answers.filter((r) => r.status === 404)).toHaveLength(200);
    expect([await count('select count(*)::int as n from kolo_widgets'), await count('select count(*)::int as n from kolo_actions')]).toEqual(before);
  });

  it("judges every vote by the registered policy, whatever the client's says", async () => {
    await register('poll', 'single', { policy: poll });
    const loose = { options: ['a', 'b', 'c'], multiple: true, change: true };
    const three = await ctx.api.post('/v1/actions', vote('single', 'v1', ['a', 'b', 'c'], { policy: loose }));
    expect(three.body.error.reason).toBe('too-many-choices');
    expect((await ctx.api.post('/v1/actions', vote('single', 'v1', ['a'], { policy: loose }))).status).toBe(200);
    const change = await ctx.api.post('/v1/actions', vote('single', 'v1', ['b'], { policy: loose }));
    expect(change.body.error.reason).toBe('already-voted');
  });

  it('grades a quiz with the registered key: an attacker cannot set or show another one', async () => {
    const questions = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`q${i}`, { options: ['yes', 'no'], multiple: false, key: quizKey(i) }]));
    // before registration the attacker's key (every answer wrong) is refused, not registered
    const hijack = await ctx.api.post('/v1/actions', answer('exam', 'attacker', 'q0', ['yes'], { key: ['yes'] }));
    expect(hijack.body.error.reason).toBe('unknown-widget');
    await register('quiz', 'exam', { questions });
    let correct = 0;
    for (let i = 0; i < 20; i++) {
      const r = await ctx.api.post('/v1/actions', answer('exam', 'student', `q${i}`, quizKey(i), { key: i ? ['maybe'] : [] }));
      if (r.body.answers[`q${i}`].correct) correct++;
      expect(r.body.answers[`q${i}`].key).toEqual(quizKey(i));
    }
    expect(correct).toBe(20);
  });

  it("keeps a moderated board moderated whatever policy the client sends", async () => {
    const spam = async (boardId: string) => {
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => ctx.api.post('/v1/actions', idea(boardId, `bot-${i}`, `Buy cheap things ${i}`, attackerBoard))));
      return answers.map((r) => r.body.error?.reason ?? r.body.ideas?.find((x: { own: boolean }) => x.own)?.status);
    };
    expect(new Set(await spam('roadmap'))).toEqual(new Set(['unknown-widget']));
    await register('ideas', 'roadmap', { policy: board });
    const statuses = await spam('roadmap');
    expect(statuses.filter((s) => s === 'pending')).toHaveLength(30);
    expect((await ctx.api.get('/v1/widgets/ideas/roadmap', as('reader'))).body.ideas).toEqual([]);
  });

  it('needs rules for a seeded widget too: seeding registers them, or actions are refused', async () => {
    await ctx.api.admin('POST', '/seed', { kind: 'poll', id: 'seeded-bare', counts: { a: 5 } });
    expect((await ctx.api.post('/v1/actions', vote('seeded-bare', 'v1', ['a']))).body.error.reason).toBe('unknown-widget');
    const seeded = await ctx.api.admin('POST', '/seed', { kind: 'poll', id: 'seeded', counts: { a: 5 }, rules: { policy: poll } });
    expect(seeded.body).toEqual({ seeded: true });
    const r = await ctx.api.post('/v1/actions', vote('seeded', 'v1', ['b'], { policy: { options: ['b'], multiple: true, change: true } }));
    expect([r.status, r.body.counts]).toEqual([200, { a: 5, b: 1 }]);
    expect((await ctx.api.post('/v1/actions', vote('seeded', 'v1', ['a']))).body.error.reason).toBe('already-voted');
  });

  it('changes a registered widget only through the admin API, and keeps the change', async () => {
    await register('poll', 'evolving', { policy: poll });
    await register('poll', 'evolving', { policy: { ...poll, options: ['a', 'b', 'c', 'd'] } });
    expect((await ctx.api.post('/v1/actions', vote('evolving', 'v1', ['d']))).status).toBe(200);
    const listed = (await ctx.api.admin('GET', '/widgets')).body.widgets.find((w: { id: string }) => w.id === 'evolving');
    expect(listed.rules).toEqual({ policy: { ...poll, options: ['a', 'b', 'c', 'd'] } });
  });

  it('registers many widgets at once and says how many changed; bad rules name the field', async () => {
    const definitions = [
      { kind: 'poll', id: 'batch-1', rules: { policy: poll } },
      { kind: 'ideas', id: 'batch-2', rules: { policy: board } },
    ];
    expect((await ctx.api.admin('PUT', '/definitions', { definitions })).body).toEqual({ changed: 2 });
    expect((await ctx.api.admin('PUT', '/definitions', { definitions })).body).toEqual({ changed: 0 });
    const bad = await ctx.api.admin('PUT', '/definitions', { definitions: [{ kind: 'poll', id: 'x', rules: { policy: { ...poll, options: [] } } }] });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'definitions.0.rules.policy.options']);
    // kept as the kind's schema reads them: an unknown key is dropped, so sending it again changes nothing
    const extra = [{ kind: 'poll', id: 'batch-1', rules: { policy: { ...poll, colour: 'red' }, note: 'x' } }];
    expect((await ctx.api.admin('PUT', '/definitions', { definitions: extra })).body).toEqual({ changed: 0 });
    const wrongKind = await register('quiz', 'x', { policy: poll });
    expect([wrongKind.status, wrongKind.body.error.field]).toEqual([400, 'rules.questions']);
  });

  it('registers a widget the site signed on first use, and refuses forged or altered signatures', async () => {
    const rules = { policy: { options: ['yes', 'no'], multiple: false, change: false } };
    const signature = signWidget({ kind: 'poll', id: 'cms-poll', rules } as never, SECRET);
    const forged = await ctx.api.post('/v1/actions', vote('cms-poll', 'v0', ['yes'], { policy: rules.policy, signature: signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }));
    expect([forged.status, forged.body.error.reason]).toEqual([403, 'bad-signature']);
    const altered = await ctx.api.post('/v1/actions', vote('cms-poll', 'v0', ['maybe'], { policy: { ...rules.policy, options: ['yes', 'no', 'maybe'] }, signature }));
    expect(altered.body.error.reason).toBe('bad-signature');
    const first = await ctx.api.post('/v1/actions', vote('cms-poll', 'v1', ['yes'], { policy: rules.policy, signature }));
    expect([first.status, first.body.counts]).toEqual([200, { yes: 1 }]);
    // registered now: a later signature over other rules changes nothing (only the admin API does)
    const other = { policy: { options: ['yes', 'no', 'maybe'], multiple: false, change: false } };
    const resigned = await ctx.api.post('/v1/actions', vote('cms-poll', 'v2', ['maybe'], { policy: other.policy, signature: signWidget({ kind: 'poll', id: 'cms-poll', rules: other } as never, SECRET) }));
    expect(resigned.body.error.reason).toBe('invalid-choice');
    expect((await ctx.api.post('/v1/actions', vote('cms-poll', 'v3', ['no']))).status).toBe(200);
  });

  it('refuses a question its registered quiz does not have as ungradable (409), not as an unknown widget', async () => {
    await register('quiz', 'partial', { questions: { q1: { options: ['yes', 'no'], multiple: false, key: ['no'] } } });
    const r = await ctx.api.post('/v1/actions', answer('partial', 'v1', 'q2', ['yes'], { key: ['yes'] }));
    expect([r.status, r.body.error.reason]).toEqual([409, 'cannot-grade']);
  });

  it('takes a signed quiz whole: the signature covers every question and its key', async () => {
    const quiz = { questions: { q1: { options: ['yes', 'no'], multiple: false, key: ['no'] }, q2: { options: ['yes', 'no'], multiple: false, key: ['yes'] } } };
    const signature = signWidget({ kind: 'quiz', id: 'signed-quiz', rules: quiz } as never, SECRET);
    const cheat = { questions: { ...quiz.questions, q1: { ...quiz.questions.q1, key: ['yes'] } } };
    expect((await ctx.api.post('/v1/actions', answer('signed-quiz', 'v1', 'q1', ['yes'], { signature, quiz: cheat }))).body.error.reason).toBe('bad-signature');
    const r = await ctx.api.post('/v1/actions', answer('signed-quiz', 'v1', 'q1', ['yes'], { signature, quiz }));
    expect(r.body.answers.q1).toEqual({ choices: ['yes'], key: ['no'], correct: false });
    expect((await ctx.api.post('/v1/actions', answer('signed-quiz', 'v1', 'q2', ['yes']))).body.answers.q2.correct).toBe(true);
  });
});

describe.each(drivers)('signatures on a development server without a signing secret on $name', ({ url }) => {
  const ctx = serverFor(url);

  it('answers a signed quiz answer that carries no quiz with a 4xx, never a 5xx', async () => {
    const r = await ctx.api.post('/v1/actions', answer('dev-signed', 'v1', 'q1', ['yes'], { signature: 'x'.repeat(43) }));
    expect([r.status, r.body.error.reason]).toEqual([409, 'cannot-grade']);
  });
});

describe('first-use registration in development', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kolo-reg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers a widget by its first action, logs it once, and keeps admin changes across a restart', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    let server = await startServer(testConfig({ dataDir: dir }));
    let api = client(server);
    for (const voter of ['v1', 'v2', 'v3']) expect((await api.post('/v1/actions', vote('dev-poll', voter, ['a']))).status).toBe(200);
    expect(info.mock.calls.filter(([line]) => String(line).includes('poll:dev-poll registered by its first action'))).toHaveLength(1);
    info.mockRestore();
    await api.admin('PUT', '/widgets/poll/dev-poll', { rules: { policy: { options: ['a', 'z'], multiple: false, change: false } } });
    await server.close();
    server = await startServer(testConfig({ dataDir: dir }));
    api = client(server);
    expect((await api.post('/v1/actions', vote('dev-poll', 'v4', ['z']))).status).toBe(200);
    expect((await api.post('/v1/actions', vote('dev-poll', 'v5', ['b']))).body.error.reason).toBe('invalid-choice');
    await server.close();
  });
});
