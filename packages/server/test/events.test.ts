// The outbox: each change the team or a person makes is recorded once, as the event a webhook or a
// follower is told of, in the transaction that made it. Real HTTP on PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { as, drivers, idea, serverFor, vote } from './harness.ts';

const policy = { moderated: true, minFillMs: 0, maxPerDay: 100, titleMin: 4, titleMax: 140, detailsMax: 2000, categories: [] };

describe.each(drivers)('events on $name', ({ url }) => {
  const ctx = serverFor(url);
  const events = async (type?: string) =>
    (await ctx.server.db.query<{ type: string; data: any }>(`select type, data from kolo_events ${type ? 'where type = $1' : ''} order by id`, type ? [type] : [])).map((r) => ({
      type: r.type,
      data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    }));

  it('records idea.submitted with public fields only (no author, no contact)', async () => {
    const sent = idea('ev-board', 'author-1', 'Dark mode please', policy, { idea: { title: 'Dark mode please', contact: 'ann@example.com' } });
    expect((await ctx.api.post('/v1/actions', sent)).status).toBe(200);
    const [e] = await events('idea.submitted');
    expect(e!.data).toEqual({ kind: 'ideas', board: 'ev-board', item: { id: sent.id, title: 'Dark mode please', status: 'pending', votes: 1 } });
    expect(JSON.stringify(e)).not.toMatch(/author-1|ann@example/);
    // a retry of the same action is answered as before and records nothing more
    expect((await ctx.api.post('/v1/actions', sent)).status).toBe(200);
    expect(await events('idea.submitted')).toHaveLength(1);
  });

  it('records idea.status_changed once per move, with the previous status and the answer', async () => {
    const [{ data }] = await events('idea.submitted');
    const path = `/ideas/ideas/ev-board/${data.item.id}`;
    expect((await ctx.api.admin('POST', path, { status: 'planned' })).status).toBe(200);
    // the same status again (an edit of the answer) moves nothing
    expect((await ctx.api.admin('POST', path, { status: 'planned', answer: 'Next month' })).status).toBe(200);
    expect((await ctx.api.admin('POST', path, { status: 'done', answer: 'Shipped', link: 'https://site.example/blog/dark' })).status).toBe(200);
    const moves = (await events('idea.status_changed')).map((e) => [e.data.previous, e.data.item.status, e.data.item.answer ?? null, e.data.item.link ?? null]);
    expect(moves).toEqual([
      ['pending', 'planned', null, null],
      ['planned', 'done', 'Shipped', 'https://site.example/blog/dark'],
    ]);
    expect(await events('question.answered')).toEqual([]);
  });

  it('records nothing for a moderation that is refused', async () => {
    const before = (await events()).length;
    expect((await ctx.api.admin('POST', '/ideas/ideas/ev-board/no-such', { status: 'done' })).status).toBe(404);
    const [{ data }] = await events('idea.submitted');
    expect((await ctx.api.admin('POST', `/ideas/ideas/ev-board/${data.item.id}`, { status: 'review', link: 'javascript:alert(1)' })).status).toBe(409);
    expect((await events()).length).toBe(before);
  });

  it('records question.answered when a question gets an answer or a new one', async () => {
    const q = idea('ev-ama', 'asker', 'When is the next release?', { ...policy, moderated: false }, { widget: { kind: 'questions', id: 'ev-ama' } });
    expect((await ctx.api.post('/v1/actions', q)).status).toBe(200);
    const path = `/ideas/questions/ev-ama/${q.id}`;
    expect((await ctx.api.admin('POST', path, { status: 'review', answer: 'In May' })).status).toBe(200);
    expect((await ctx.api.admin('POST', path, { status: 'review', answer: 'In May' })).status).toBe(200);
    expect((await ctx.api.admin('POST', path, { status: 'done', answer: 'In June' })).status).toBe(200);
    const answered = (await events('question.answered')).map((e) => [e.data.kind, e.data.item.answer, e.data.previous ?? null]);
    expect(answered).toEqual([
      ['questions', 'In May', null],
      ['questions', 'In June', 'In May'],
    ]);
  });

  it('announces a poll passing its closing time once, with its final counts', async () => {
    const closesAt = new Date(Date.now() + 1500).toISOString();
    const p = { options: ['a', 'b', 'c'], multiple: false, change: false, closesAt };
    expect((await ctx.api.admin('PUT', '/widgets/poll/ev-poll', { rules: { policy: p } })).status).toBe(200);
    for (const [voter, choice] of [['v1', 'a'], ['v2', 'a'], ['v3', 'c']] as const) {
      expect((await ctx.api.post('/v1/actions', vote('ev-poll', voter, [choice], { policy: p }))).status).toBe(200);
    }
    await ctx.server.jobs.run('poll-closed');
    expect(await events('poll.closed')).toEqual([]);
    await new Promise((r) => setTimeout(r, 1600));
    await ctx.server.jobs.run('poll-closed');
    await ctx.server.jobs.run('poll-closed');
    expect(await events('poll.closed')).toEqual([{ type: 'poll.closed', data: { kind: 'poll', id: 'ev-poll', closesAt, counts: { a: 2, c: 1 } } }]);
    expect((await ctx.api.get('/v1/widgets/poll/ev-poll', as('v1'))).status).toBe(200);
  });

  it('prunes events past the retention', async () => {
    await ctx.server.db.query(`update kolo_events set at = now() - interval '40 days' where type = 'poll.closed'`);
    await ctx.server.jobs.run('expire-events');
    expect(await events('poll.closed')).toEqual([]);
    expect((await events('idea.submitted')).length).toBe(2);
  });
});
