import { describe, expect, it } from 'vitest';
import { as, drivers, formToken, key, now, serverFor, vote } from './harness.ts';

// ids that name properties every plain object inherits: as counter keys they must count like any other id
// (`__proto__` is no id at all: the contract's id rule starts with a letter or digit)
const options = ['constructor', 'valueOf', 'toString'];
const policy = { options, multiple: true, change: true };

describe.each(drivers)('ids that are Object.prototype names on $name', ({ url }) => {
  const ctx = serverFor(url);

  it('counts votes for "constructor", "valueOf" and "toString" exactly, through votes and withdrawals', async () => {
    const answers = [];
    for (let i = 0; i < 10; i++) {
      answers.push(await ctx.api.post('/v1/actions', vote('proto', 'v1', options, { policy })));
      answers.push(await ctx.api.post('/v1/actions', vote('proto', 'v1', [], { policy })));
    }
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect((await ctx.api.get('/v1/widgets/poll/proto', as('x'))).body).toEqual({ counts: {}, voters: 0, mine: [] });

    const voted = await ctx.api.post('/v1/actions', vote('proto', 'v2', ['valueOf'], { policy }));
    expect(voted.status).toBe(200);
    expect(Object.entries(voted.body.counts)).toEqual([['valueOf', 1]]);
    expect([voted.body.voters, voted.body.mine]).toEqual([1, ['valueOf']]);
    const changed = await ctx.api.post('/v1/actions', vote('proto', 'v2', ['toString', 'constructor'], { policy }));
    expect(Object.entries(changed.body.counts).sort()).toEqual([['constructor', 1], ['toString', 1]]);
    const read = (await ctx.api.get('/v1/widgets/poll/proto', as('v2'))).body;
    expect([Object.entries(read.counts).sort(), read.voters, read.mine]).toEqual([[['constructor', 1], ['toString', 1]], 1, ['toString', 'constructor']]);
  });

  it('refuses "__proto__" as a choice, naming the field (the contract\'s id rule), never a 5xx', async () => {
    const r = await ctx.api.post('/v1/actions', vote('proto-refused', 'v1', ['__proto__'], { policy: { options: ['__proto__', 'a'], multiple: false, change: true } }));
    expect([r.status, r.body.error.reason, r.body.error.field]).toEqual([400, 'invalid', 'choices.0']);
  });

  it('lists such counters in the admin widgets and the results export', async () => {
    const widgets = (await ctx.api.admin('GET', '/widgets')).body.widgets;
    const proto = widgets.find((w: { id: string }) => w.id === 'proto');
    expect([Object.entries(proto.counts).sort(), proto.voters]).toEqual([[['constructor', 1], ['toString', 1]], 1]);
    const csv: string = (await ctx.api.admin('GET', '/export/results.csv')).body;
    expect(csv.split('\r\n').filter((line) => line.startsWith('poll,proto,')).sort()).toEqual(['poll,proto,constructor,1,1', 'poll,proto,toString,1,1']);
  });

  it('grades a quiz question named "constructor" (refused without a key, not a 500)', async () => {
    const answer = (voter: string, over: Record<string, unknown> = {}) => ({
      type: 'answer',
      id: key('q'),
      voter,
      widget: { kind: 'quiz', id: 'constructor' },
      question: 'constructor',
      choices: ['toString'],
      policy: { options: ['toString', 'valueOf'], multiple: false },
      at: now(),
      ...over,
    });
    const nokey = await ctx.api.post('/v1/actions', answer('v1'));
    expect([nokey.status, nokey.body.error.reason]).toEqual([409, 'cannot-grade']);
    const graded = await ctx.api.post('/v1/actions', answer('v2', { key: ['toString'] }));
    expect([graded.status, graded.body.counts, graded.body.answers.constructor.correct]).toEqual([200, { 'constructor:answered': 1, 'constructor:correct': 1 }, true]);
    const from = new Date(Date.now() - 60_000).toISOString();
    const metrics = await ctx.api.admin('GET', `/metrics?from=${encodeURIComponent(from)}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expect([metrics.status, metrics.body.quizzes.constructor]).toEqual([200, { constructor: { answered: 1, correct: 1, share: 1 } }]);
  });

  it('lists ideas whose ids are "constructor" and "toString" with their upvotes, none included', async () => {
    const policy = { moderated: false, minFillMs: 0, maxPerDay: 3, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: [] };
    const board = { kind: 'ideas', id: 'proto-board' };
    const idea = (id: string) => ({ type: 'idea', id, voter: 'author', widget: board, idea: { title: `An idea named ${id}` }, honeypot: '', startedAt: now(), form: formToken('proto-board'), policy, at: now() });
    const upvote = (voter: string, idea: string, on: boolean) => ({ type: 'upvote', id: key('u'), voter, widget: board, idea, on, at: now() });
    for (const id of ['constructor', 'toString']) expect((await ctx.api.post('/v1/actions', idea(id))).status).toBe(200);
    expect((await ctx.api.post('/v1/actions', upvote('fan', 'constructor', true))).status).toBe(200);
    const withdrawn = await ctx.api.post('/v1/actions', upvote('author', 'toString', false));
    // the answer carries the idea it changed (none left on it), the board carries the rest
    expect([withdrawn.status, withdrawn.body.counts, withdrawn.body.voters]).toEqual([200, {}, 2]);
    expect((await ctx.api.get('/v1/widgets/ideas/proto-board', as('fan'))).body.counts).toEqual({ constructor: 2 });
    const listed = (await ctx.api.admin('GET', '/ideas/ideas/proto-board')).body.ideas;
    expect(listed.map((i: { id: string; votes: number }) => [i.id, i.votes]).sort()).toEqual([['constructor', 2], ['toString', 0]]);
  });
});
