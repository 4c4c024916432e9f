// One database round trip per action: a vote, an answer, an idea and an upvote on a registered widget
// are each one statement on the wire (a family's SQL function, migration 0007), applied, refused or
// retried alike. The rules and stop words the server keeps are checked by that statement: changed
// behind its back (another server, an operator's SQL), the action is judged by the new ones.
import { errorAnswer } from '@kolo/core';
import { describe, expect, it } from 'vitest';
import type { Db, QueryOptions } from '../src/db/types.ts';
import { as, drivers, idea, key, now, serverFor, vote } from './harness.ts';

const poll = { options: ['a', 'b', 'c'], multiple: false, change: false };
const board = { moderated: false, minFillMs: 0, maxPerDay: 100, titleMin: 4, titleMax: 140, detailsMax: 2000, categories: [] };
const quiz = { questions: { q1: { options: ['yes', 'no'], multiple: false, key: ['no'] } } };
const answer = (voter: string, choices: string[]) => ({ type: 'answer', id: key('q'), voter, widget: { kind: 'quiz', id: 'rt-quiz' }, question: 'q1', choices, policy: { options: ['yes', 'no'], multiple: false }, at: now() });
const upvote = (voter: string, ideaId: string, on = true) => ({ type: 'upvote', id: key('u'), voter, widget: { kind: 'ideas', id: 'rt-board' }, idea: ideaId, on, at: now() });

describe.each(drivers)('one round trip per action on $name', ({ url }) => {
  const ctx = serverFor(url, { production: true });

  /** Run `fn` and count what went to the database meanwhile: statements and transactions (live notices apart). */
  async function counted<T>(fn: () => Promise<T>) {
    const db = ctx.server.db;
    const { query, transaction } = db;
    const seen: string[] = [];
    db.query = ((sql: string, params?: unknown[], o?: QueryOptions) => (seen.push(sql), query.call(db, sql, params, o))) as Db['query'];
    db.transaction = ((f: Parameters<Db['transaction']>[0]) => (seen.push('(transaction)'), transaction.call(db, f))) as Db['transaction'];
    try {
      return { result: await fn(), statements: seen };
    } finally {
      db.query = query;
      db.transaction = transaction;
    }
  }

  it('sends one statement for each action on a registered widget: applied, refused or retried', async () => {
    const register = (kind: string, id: string, rules: unknown) => ctx.api.admin('PUT', `/widgets/${kind}/${id}`, { rules });
    await register('poll', 'rt-poll', { policy: poll });
    await register('quiz', 'rt-quiz', quiz);
    await register('ideas', 'rt-board', { policy: board });
    // the first action after a registration reads the rules once
    await ctx.api.post('/v1/actions', vote('rt-poll', 'warm', ['a']));
    await ctx.api.post('/v1/actions', answer('warm', ['yes']));
    const first = await ctx.api.post('/v1/actions', idea('rt-board', 'warm', 'A first idea here', board));
    const ideaId = first.body.ideas[0].id as string;

    const repeated = vote('rt-poll', 'v1', ['b']);
    const cases: [string, unknown, number][] = [
      ['a vote', repeated, 200],
      ['its retry', repeated, 200],
      ['a second ballot (refused)', vote('rt-poll', 'v1', ['c']), 409],
      ['an answer', answer('v1', ['no']), 200],
      ['an idea', idea('rt-board', 'v1', 'Another idea here', board), 200],
      ['an upvote', upvote('v2', ideaId), 200],
      ['its withdrawal', upvote('v2', ideaId, false), 200],
      ['an upvote of no idea (refused)', upvote('v2', 'nothing'), 404],
    ];
    const got = [];
    for (const [what, body] of cases) {
      const { result, statements } = await counted(() => ctx.api.post('/v1/actions', body));
      // an accepted idea is also announced (idea.submitted, after the action's one statement): its public
      // fields read, the event recorded, and what each consumer owes (webhooks, email followers) written
      const announced = statements.slice(1).filter((s) => /from kolo_ideas where kind|insert into kolo_events|kolo_webhook_deliveries|kolo_notifications/.test(s));
      got.push([what, result.status, statements.length - announced.length]);
      expect(statements[0], what).toMatch(/^select kolo_/);
      if (what === 'an idea') expect(announced.length, what).toBeGreaterThanOrEqual(2);
    }
    expect(got).toEqual(cases.map(([what, , status]) => [what, status, 1]));
  });

  it("answers the SQL's refusals as core's table of reasons says", async () => {
    for (const reason of ['banned', 'slow-mode', 'rate', 'already-voted', 'invalid-choice', 'limit', 'not-found', 'closed', 'id-reused']) {
      const [row] = await ctx.server.db.query<{ r: unknown }>('select kolo_refusal($1, $2, $3) as r', [reason, 'why', 7]);
      expect(row!.r, reason).toEqual(errorAnswer(reason, 'why', { retryAfter: 7 }));
    }
    const [row] = await ctx.server.db.query<{ r: unknown }>('select kolo_refusal($1, $2) as r', ['banned', 'why']);
    expect(row!.r).toEqual(errorAnswer('banned', 'why'));
  });

  it('judges by rules and stop words changed behind its back (another server, SQL)', async () => {
    await ctx.api.admin('PUT', '/widgets/poll/rt-changed', { rules: { policy: poll } });
    expect((await ctx.api.post('/v1/actions', vote('rt-changed', 'v1', ['a']))).status).toBe(200);
    expect((await ctx.api.post('/v1/actions', vote('rt-changed', 'v2', ['z']))).body.error.reason).toBe('invalid-choice');
    await ctx.server.db.query(`update kolo_widgets set config = $1 where kind = 'poll' and id = 'rt-changed'`, [JSON.stringify({ policy: { ...poll, options: ['a', 'z'] } })]);
    const z = await ctx.api.post('/v1/actions', vote('rt-changed', 'v3', ['z']));
    expect([z.status, z.body.counts]).toEqual([200, { a: 1, z: 1 }]);
    expect((await ctx.api.post('/v1/actions', vote('rt-changed', 'v4', ['b']))).body.error.reason).toBe('invalid-choice');

    expect((await ctx.api.post('/v1/actions', idea('rt-board', 'w1', 'Cheap tickets for everyone', board))).status).toBe(200);
    await ctx.server.db.query(`insert into kolo_stop_words (lang, word) values ('en', 'tickets')`);
    expect((await ctx.api.post('/v1/actions', idea('rt-board', 'w2', 'Cheap tickets for nobody', board))).body.error.reason).toBe('stop-word');
    await ctx.server.db.query(`delete from kolo_stop_words where word = 'tickets'`);
    expect((await ctx.api.post('/v1/actions', idea('rt-board', 'w3', 'Cheap tickets for somebody', board))).status).toBe(200);
    expect((await ctx.api.get('/v1/widgets/poll/rt-changed', as('v3'))).body.mine).toEqual(['z']);
  });
});
