import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../src/index.ts';
import { migrate, migrations } from '../src/db/migrate.ts';
import { TOKEN, as, drivers, idea as ideaFor, key, now, serverFor, sse, vote } from './harness.ts';

const policyChange = { options: ['a', 'b', 'c'], multiple: false, change: true };
const ideaPolicy = { moderated: true, minFillMs: 0, maxPerDay: 3, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: ['app'] };
const idea = (board: string, voter: string, title: string, over: Record<string, unknown> = {}) => ideaFor(board, voter, title, ideaPolicy, over);
const upvote = (board: string, voter: string, ideaId: string, on = true) => ({ type: 'upvote', id: key('u'), voter, widget: { kind: 'ideas', id: board }, idea: ideaId, on, at: now() });

describe.each(drivers)('@kolo/server on $name', ({ url }) => {
  const ctx = serverFor(url);

  it('answers health, unknown routes with a JSON 404, and sets security headers', async () => {
    const health = await ctx.api.get('/v1/health');
    expect(health.body).toEqual({ ok: true });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    const missing = await ctx.api.get('/v1/nope');
    expect([missing.status, missing.body.error.reason]).toEqual([404, 'not-found']);
  });

  it('allows only the listed site origins', async () => {
    const ok = await ctx.api.get('/v1/health', { origin: 'https://site.example' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://site.example');
    const other = await ctx.api.get('/v1/health', { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBe(null);
  });

  it('applies the migrations once and records their versions', async () => {
    expect(await migrate(ctx.server.db)).toEqual([]);
    const rows = await ctx.server.db.query<{ version: number }>('select version from kolo_migrations order by version');
    expect(rows.map((r) => r.version)).toEqual(migrations().map((m) => m.version));
    expect(rows.length).toBeGreaterThanOrEqual(6);
  });

  it('votes, refuses a second ballot, lets a poll that allows it change, and withdraws', async () => {
    const first = await ctx.api.post('/v1/actions', vote('p1', 'v1', ['a']));
    expect([first.status, first.body]).toEqual([200, { counts: { a: 1 }, voters: 1, mine: ['a'] }]);
    const again = await ctx.api.post('/v1/actions', vote('p1', 'v1', ['b']));
    expect([again.status, again.body.error.reason]).toEqual([409, 'already-voted']);
    const unknown = await ctx.api.post('/v1/actions', vote('p1', 'v2', ['z']));
    expect([unknown.status, unknown.body.error.reason]).toEqual([409, 'invalid-choice']);

    await ctx.api.post('/v1/actions', vote('p2', 'v1', ['a'], { policy: policyChange }));
    const changed = await ctx.api.post('/v1/actions', vote('p2', 'v1', ['b'], { policy: policyChange }));
    expect(changed.body).toEqual({ counts: { b: 1 }, voters: 1, mine: ['b'] });
    const withdrawn = await ctx.api.post('/v1/actions', vote('p2', 'v1', [], { policy: policyChange }));
    expect(withdrawn.body).toEqual({ counts: {}, voters: 0, mine: [] });
  });

  it('uses the registered policy, not the one a later request claims', async () => {
    await ctx.api.post('/v1/actions', vote('p3', 'v1', ['a']));
    const sneaky = await ctx.api.post('/v1/actions', vote('p3', 'v2', ['x'], { policy: { options: ['x'], multiple: false, change: true } }));
    expect(sneaky.body.error.reason).toBe('invalid-choice');
    const closed = await ctx.api.admin('PUT', '/widgets/poll/p4', { rules: { policy: { options: ['a'], multiple: false, change: false, closesAt: '2020-01-01T00:00:00Z' } } });
    expect(closed.status).toBe(200);
    expect((await ctx.api.post('/v1/actions', vote('p4', 'v1', ['a']))).body.error.reason).toBe('closed');
  });

  it('counts 1,000 concurrent votes from 1,000 voters exactly', async () => {
    const answers = await Promise.all(Array.from({ length: 1000 }, (_, i) => ctx.api.post('/v1/actions', vote('busy', `voter-${i}`, [['a', 'b', 'c'][i % 3]!]))));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1000);
    const t = (await ctx.api.get('/v1/widgets/poll/busy', as('x'))).body;
    expect(t).toEqual({ counts: { a: 334, b: 333, c: 333 }, voters: 1000, mine: [] });
  });

  it('keeps one vote from 1,000 concurrent duplicates of one voter', async () => {
    const answers = await Promise.all(Array.from({ length: 1000 }, () => ctx.api.post('/v1/actions', vote('dupes', 'same-voter', ['b']))));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.reason === 'already-voted')).toBe(true);
    expect((await ctx.api.get('/v1/widgets/poll/dupes', as('x'))).body).toEqual({ counts: { b: 1 }, voters: 1, mine: [] });
  });

  it('applies a retried idempotency key once and answers it with the view that holds it', async () => {
    const action = vote('retries', 'v1', ['c'], { policy: policyChange });
    const answers = await Promise.all(Array.from({ length: 50 }, () => ctx.api.post('/v1/actions', action)));
    for (const a of answers) expect([a.status, a.body]).toEqual([200, { counts: { c: 1 }, voters: 1, mine: ['c'] }]);
    await ctx.api.post('/v1/actions', vote('retries', 'v2', ['a'], { policy: policyChange }));
    // a later retry is answered with the view now: still one vote of v1's, and v2's beside it
    const later = await ctx.api.post('/v1/actions', action);
    expect([later.status, later.body]).toEqual([200, { counts: { a: 1, c: 1 }, voters: 2, mine: ['c'] }]);
    expect((await ctx.api.get('/v1/widgets/poll/retries', as('x'))).body.counts).toEqual({ a: 1, c: 1 });
    const reused = await ctx.api.post('/v1/actions', { ...action, voter: 'someone-else' });
    expect([reused.status, reused.body.error.reason]).toEqual([409, 'id-reused']);
  });

  it('grades quiz answers with the registered key and counts first attempts', async () => {
    const answer = (voter: string, choices: string[], withKey = true) => ({
      type: 'answer',
      id: key('q'),
      voter,
      widget: { kind: 'quiz', id: 'q1' },
      question: 'link',
      choices,
      policy: { options: ['yes', 'no'], multiple: false },
      ...(withKey ? { key: ['no'] } : {}),
      at: now(),
    });
    const first = await ctx.api.post('/v1/actions', answer('v1', ['yes']));
    expect(first.body.answers).toEqual({ link: { choices: ['yes'], key: ['no'], correct: false } });
    const retake = await ctx.api.post('/v1/actions', answer('v1', ['no'], false));
    expect(retake.body.answers.link.correct).toBe(true);
    expect(retake.body.counts).toEqual({ 'link:answered': 1 });
    // a page claiming another key later changes nothing: the first one was registered
    const cheat = await ctx.api.post('/v1/actions', { ...answer('v2', ['yes']), key: ['yes'] });
    expect(cheat.body.answers.link.correct).toBe(false);
    const nokey = await ctx.api.post('/v1/actions', { ...answer('v3', ['no'], false), widget: { kind: 'quiz', id: 'q2' } });
    expect(nokey.body.error.reason).toBe('cannot-grade');
  });

  it('runs the idea flow: waiting for moderation, contact kept private, upvotes, answer, merge', async () => {
    const submitted = await ctx.api.post('/v1/actions', idea('roadmap', 'author', 'Night buses on weekends', { idea: { title: 'Night buses on weekends', contact: 'me@example.com' } }));
    expect(submitted.status).toBe(200);
    const mine = submitted.body.ideas[0];
    expect(mine).toMatchObject({ title: 'Night buses on weekends', status: 'pending', own: true });
    expect(JSON.stringify(submitted.body)).not.toContain('example.com');
    expect((await ctx.api.get('/v1/widgets/ideas/roadmap', as('other'))).body.ideas).toEqual([]);
    const queue = await ctx.api.admin('GET', '/queue/ideas/roadmap');
    expect(queue.body.ideas).toHaveLength(1);
    expect(queue.body.ideas[0]).toMatchObject({ id: mine.id, contact: 'me@example.com', votes: 1 });

    expect((await ctx.api.post('/v1/actions', upvote('roadmap', 'other', mine.id))).body.error.reason).toBe('not-found');
    expect((await ctx.api.admin('POST', `/ideas/ideas/roadmap/${mine.id}`, { status: 'review' })).status).toBe(200);
    const up = await ctx.api.post('/v1/actions', upvote('roadmap', 'other', mine.id));
    expect([up.body.counts[mine.id], up.body.mine]).toEqual([2, [mine.id]]);
    const twice = await ctx.api.post('/v1/actions', upvote('roadmap', 'other', mine.id));
    expect(twice.body.counts[mine.id]).toBe(2);
    const off = await ctx.api.post('/v1/actions', upvote('roadmap', 'other', mine.id, false));
    expect([off.body.counts[mine.id], off.body.mine]).toEqual([1, []]);

    // a duplicate with its own voters is merged: every voter is kept, once
    const dup = (await ctx.api.post('/v1/actions', idea('roadmap', 'second', 'Buses at night on weekends'))).body.ideas.find((i: any) => i.own);
    await ctx.api.admin('POST', `/ideas/ideas/roadmap/${dup.id}`, { status: 'review' });
    await ctx.api.post('/v1/actions', upvote('roadmap', 'third', dup.id));
    await ctx.api.post('/v1/actions', upvote('roadmap', 'author', dup.id));
    const merged = await ctx.api.admin('POST', `/ideas/ideas/roadmap/${dup.id}/merge`, { into: mine.id });
    expect(merged.status).toBe(200);
    const after = (await ctx.api.get('/v1/widgets/ideas/roadmap', as('third'))).body;
    expect(after.ideas.map((i: any) => i.id)).toEqual([mine.id]);
    expect(after.counts[mine.id]).toBe(3); // author, second, third
    expect(after.mine).toEqual([mine.id]);

    const done = await ctx.api.admin('POST', `/ideas/ideas/roadmap/${mine.id}`, { status: 'done', answer: 'Running since May', link: 'https://example.org/news' });
    expect(done.status).toBe(200);
    expect((await ctx.api.get('/v1/widgets/ideas/roadmap', as('x'))).body.ideas[0]).toMatchObject({ status: 'done', answer: 'Running since May', link: 'https://example.org/news' });
    const badLink = await ctx.api.admin('POST', `/ideas/ideas/roadmap/${mine.id}`, { status: 'done', link: 'javascript:alert(1)' });
    expect([badLink.status, badLink.body.error.reason]).toEqual([409, 'invalid-link']);
    expect((await ctx.api.post('/v1/actions', upvote('roadmap', 'late', mine.id))).body.error.reason).toBe('closed');
    const [row] = await ctx.server.db.query<{ first_response_at: unknown }>('select first_response_at from kolo_ideas where id = $1', [mine.id]);
    expect(row!.first_response_at).not.toBe(null);
  });

  it('refuses the honeypot, a too-fast form, stop words, and more ideas than the daily limit', async () => {
    expect((await ctx.api.post('/v1/actions', idea('spam', 'v1', 'A perfectly fine idea', { honeypot: 'http://x' }))).body.error.reason).toBe('spam');
    const form = (await ctx.api.get('/v1/widgets/ideas/spam-fast', as('v1'))).body.form;
    const fast = idea('spam-fast', 'v1', 'A perfectly fine idea', { form, policy: { ...ideaPolicy, minFillMs: 5000 } });
    expect((await ctx.api.post('/v1/actions', fast)).body.error.reason).toBe('too-fast');
    await ctx.api.admin('PUT', '/stop-words/en', { words: ['casino', 'free money'] });
    expect((await ctx.api.admin('GET', '/stop-words/en')).body.words).toEqual(['casino', 'free money']);
    expect((await ctx.api.post('/v1/actions', idea('spam', 'v1', 'Visit my Casino today'))).body.error.reason).toBe('stop-word');
    expect((await ctx.api.post('/v1/actions', idea('spam', 'v1', 'Get free money here now'))).body.error.reason).toBe('stop-word');
    expect((await ctx.api.post('/v1/actions', idea('spam', 'v1', 'Casinos nearby, a map'))).status).toBe(200);
    await ctx.api.admin('PUT', '/stop-words/en', { words: [] });
    for (const t of ['Second idea of the day', 'Third idea of the day']) expect((await ctx.api.post('/v1/actions', idea('spam', 'v1', t))).status).toBe(200);
    const limited = await ctx.api.post('/v1/actions', idea('spam', 'v1', 'Fourth idea of the day'));
    expect([limited.status, limited.body.error.reason]).toEqual([429, 'limit']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(80_000);
    const invalid = await ctx.api.post('/v1/actions', idea('spam', 'v2', 'Short'));
    expect([invalid.status, invalid.body.error.reason, invalid.body.error.message]).toEqual([409, 'invalid-idea', 'title: too-short']);
  });

  it('bans voters and IP hashes (the address is never stored), and enforces slow mode', async () => {
    await ctx.api.admin('POST', '/bans', { type: 'voter', value: 'troll' });
    const banned = await ctx.api.post('/v1/actions', vote('bans', 'troll', ['a']));
    expect([banned.status, banned.body.error.reason]).toEqual([403, 'banned']);
    const hash = (await ctx.api.admin('GET', '/ip-hash/203.0.113.9')).body.hash;
    await ctx.api.admin('POST', '/bans', { type: 'ip', value: hash });
    expect((await ctx.api.post('/v1/actions', vote('bans', 'fresh', ['a']), { 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
    expect((await ctx.api.post('/v1/actions', vote('bans', 'fresh', ['a']), { 'x-forwarded-for': '203.0.113.10' })).status).toBe(200);
    const stored = await ctx.server.db.query('select 1 from kolo_actions where ip_hash like $1', ['%203.0.113%']);
    expect(stored).toHaveLength(0);
    await ctx.api.admin('DELETE', '/bans/voter/troll');
    expect((await ctx.api.post('/v1/actions', vote('bans', 'troll', ['a']))).status).toBe(200);

    await ctx.api.admin('PUT', '/widgets/poll/slow', { slowSeconds: 60 });
    expect((await ctx.api.post('/v1/actions', vote('slow', 'v1', ['a'], { policy: policyChange }))).status).toBe(200);
    const tooSoon = await ctx.api.post('/v1/actions', vote('slow', 'v1', ['b'], { policy: policyChange }));
    expect([tooSoon.status, tooSoon.body.error.reason]).toEqual([429, 'slow-mode']);
  });

  it('needs the admin token for admin endpoints', async () => {
    expect((await ctx.api.admin('GET', '/queue/ideas/roadmap', undefined, 'wrong-token-0123456789')).status).toBe(401);
    const none = await fetch(`${ctx.server.url}/v1/admin/queue/ideas/roadmap`);
    expect([none.status, (await none.json()).error.reason]).toEqual([401, 'unauthorized']);
  });

  it('answers bad input with a 4xx JSON error naming the field and the rule', async () => {
    const r = await ctx.api.post('/v1/actions', { ...vote('bad', 'v1', ['a']), choices: 'a' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'rejected', reason: 'invalid', field: 'choices', rule: 'invalid_type' });
    const json = await ctx.api.post('/v1/actions', '{"type": "vote",');
    expect([json.status, json.body.error.field, json.body.error.rule]).toEqual([400, '(body)', 'json']);
    const big = await ctx.api.post('/v1/actions', { ...vote('bad', 'v1', ['a']), pad: 'x'.repeat(40_000) });
    expect([big.status, big.body.error.reason]).toEqual([413, 'too-large']);
    const kind = await ctx.api.get('/v1/widgets/nope/x', as('v'));
    expect([kind.status, kind.body.error.field]).toEqual([400, 'kind']);
    const noVoter = await ctx.api.get('/v1/widgets/poll/x');
    expect([noVoter.status, noVoter.body.error.field]).toEqual([400, 'Kolo-Voter']);
    const moderate = await ctx.api.post('/v1/actions', { ...vote('bad', 'v1', ['a']), type: 'moderate' });
    expect(moderate.status).toBe(400);
  });

  it('streams a vote to other open pages within a second', async () => {
    const stream = sse(`${ctx.server.url}/v1/widgets/poll/live/events`, 'watcher', (t) => t.some((x) => x.counts.a === 1));
    await new Promise((r) => setTimeout(r, 200));
    const t0 = Date.now();
    await ctx.api.post('/v1/actions', vote('live', 'v1', ['a']));
    const tallies = await stream;
    // the widget's public view on opening, then after the vote: partial views, nobody's choices
    expect(tallies[0]).toEqual({ counts: {}, voters: 0, mine: [], partial: 'public' });
    expect(tallies.at(-1)).toEqual({ counts: { a: 1 }, voters: 1, mine: [], partial: 'public' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('computes the site metrics for a time range, and keeps signals only as long as the retention setting', async () => {
    const sig = (type: string, voter: string, at: string, widget = { kind: 'poll', id: 'm1' }, data?: Record<string, string>) => ({ type, widget, voter, at, ...(data ? { data } : {}) });
    await ctx.api.post('/v1/signals', {
      signals: [
        sig('view', 'm-a', '2030-01-05T10:00:00Z'),
        sig('view', 'm-b', '2030-01-05T10:00:00Z'),
        sig('interact', 'm-a', '2030-01-05T10:01:00Z'),
        sig('submit', 'm-a', '2030-01-05T23:30:00Z', undefined, { choices: 'a' }),
        sig('next-step', 'm-a', '2030-01-05T23:31:00Z', undefined, { href: 'https://example.org' }),
        sig('next-step', 'm-b', '2030-01-06T10:00:00Z', { kind: 'help-banner', id: 'odds' }, { href: 'tel:1', part: 'contact' }),
        sig('view', 'm-c', '2030-02-01T00:00:00Z'),
      ],
    });
    const m = await ctx.api.admin('GET', '/metrics?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&tz=Europe/Kyiv&target=2&work=1-5,9-18');
    expect(m.status).toBe(200);
    expect(m.body.site).toEqual({ views: 2, uniqueViewers: 2, actors: 1, actorsWithoutView: 0, activeShare: 0.5, nextSteps: 2, nextStepConversion: 1 });
    expect(m.body.widgets['poll:m1']).toMatchObject({ views: 2, actors: 1, nextSteps: 1 });
    // 23:30 UTC is the next day in Kyiv
    expect(m.body.votes['poll:m1']).toEqual({ '2030-01-06': { a: 1 } });
    expect(m.body.banners).toEqual({ odds: { contact: 1, tool: 0 } });
    expect(m.body.workingHours).toEqual({ timeZone: 'Europe/Kyiv', days: [1, 2, 3, 4, 5], start: 9, end: 18 });
    const bad = await ctx.api.admin('GET', '/metrics?from=yesterday&to=2030-02-01T00:00:00Z');
    expect([bad.status, bad.body.error.field]).toEqual([400, 'from']);
    const zone = await ctx.api.admin('GET', '/metrics?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z&tz=Mars/Olympus');
    expect([zone.status, zone.body.error.field]).toEqual([400, 'tz']);
    const empty = await ctx.api.admin('GET', '/metrics?from=2040-01-01T00:00:00Z&to=2040-02-01T00:00:00Z');
    expect(empty.body.site).toEqual({ views: 0, uniqueViewers: 0, actors: 0, actorsWithoutView: 0, activeShare: null, nextSteps: 0, nextStepConversion: null });
    expect((await ctx.api.get('/v1/admin/metrics?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z')).status).toBe(401);

    // quiz answers and "was this helpful?" count when they were given
    const quizAnswer = (voter: string, choice: string) => ({ type: 'answer', id: key('mq'), voter, widget: { kind: 'quiz', id: 'mq' }, question: 'link', choices: [choice], policy: { options: ['yes', 'no'], multiple: false }, key: ['no'], at: now() });
    await ctx.api.post('/v1/actions', quizAnswer('mq-1', 'no'));
    await ctx.api.post('/v1/actions', quizAnswer('mq-2', 'yes'));
    await ctx.api.post('/v1/actions', quizAnswer('mq-2', 'no')); // a retake: the first attempt counts
    const helpful = (voter: string, choice: string) => vote('mfaq.odds', voter, [choice], { widget: { kind: 'faq', id: 'mfaq.odds' }, policy: { options: ['yes', 'no'], multiple: false, change: false } });
    for (const [v, c] of [['mh-1', 'yes'], ['mh-2', 'yes'], ['mh-3', 'no']] as const) expect((await ctx.api.post('/v1/actions', helpful(v, c))).status).toBe(200);
    const around = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    const recent = (await ctx.api.admin('GET', `/metrics?from=${around(-1)}&to=${around(1)}`)).body;
    expect(recent.quizzes.mq).toEqual({ link: { answered: 2, correct: 1, share: 0.5 } });
    expect(recent.helpful.mfaq).toEqual({ odds: { yes: 2, no: 1, ratio: 2 / 3 } });
    const earlier = (await ctx.api.admin('GET', `/metrics?from=${around(-3)}&to=${around(-1)}`)).body;
    expect([earlier.quizzes.mq, earlier.helpful.mfaq]).toEqual([undefined, undefined]);

    await ctx.api.post('/v1/signals', { signals: [sig('view', 'm-old', '2020-01-01T00:00:00Z')] });
    await ctx.server.store.expireSignals();
    expect(await ctx.server.db.query(`select 1 from kolo_signals where voter = 'm-old'`)).toHaveLength(0);
    expect((await ctx.server.db.query(`select 1 from kolo_signals where voter = 'm-a'`)).length).toBeGreaterThan(0);
  });

  it('gives the team console its lists: widgets with counters, one queue of every board, bans; and CSV exports', async () => {
    await ctx.api.post('/v1/actions', vote('console-poll', 'c1', ['a']));
    await ctx.api.post('/v1/actions', vote('console-poll', 'c2', ['b']));
    const first = (await ctx.api.post('/v1/actions', idea('console-a', 'author-1', '=HYPERLINK("x") looks, "quoted", text', { idea: { title: '=HYPERLINK("x") looks, "quoted", text', contact: 'a@example.org' } }))).body.ideas[0];
    const second = (await ctx.api.post('/v1/actions', idea('console-b', 'author-2', 'Питання українською?', { widget: { kind: 'questions', id: 'console-b' } }))).body.ideas[0];

    const widgets = (await ctx.api.admin('GET', '/widgets')).body.widgets;
    expect(widgets.find((w: any) => w.id === 'console-poll')).toEqual({ kind: 'poll', id: 'console-poll', slowSeconds: 0, rules: { policy: { options: ['a', 'b', 'c'], multiple: false, change: false } }, voters: 2, counts: { a: 1, b: 1 } });
    expect(widgets.find((w: any) => w.id === 'console-a')).toMatchObject({ kind: 'ideas', ideas: 1, pending: 1, voters: 1 });
    const queue = (await ctx.api.admin('GET', '/queue')).body.ideas.filter((i: any) => i.board.startsWith('console-'));
    expect(queue.map((i: any) => [i.kind, i.board, i.id, i.author, i.votes])).toEqual([
      ['ideas', 'console-a', first.id, 'author-1', 1],
      ['questions', 'console-b', second.id, 'author-2', 1],
    ]);
    await ctx.api.admin('POST', `/ideas/ideas/console-a/${first.id}`, { status: 'review' });
    expect((await ctx.api.admin('GET', '/queue')).body.ideas.map((i: any) => i.id)).not.toContain(first.id);
    expect((await ctx.api.admin('GET', '/ideas/ideas/console-a')).body.ideas[0]).toMatchObject({ author: 'author-1', status: 'review', contact: 'a@example.org' });

    await ctx.api.admin('POST', '/bans', { type: 'voter', value: 'console-troll', reason: 'spam', until: '2030-01-01T00:00:00Z' });
    expect((await ctx.api.admin('GET', '/bans')).body.bans).toContainEqual({ type: 'voter', value: 'console-troll', reason: 'spam', until: '2030-01-01T00:00:00.000Z' });

    const results = await fetch(`${ctx.server.url}/v1/admin/export/results.csv`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(results.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(results.headers.get('content-disposition')).toBe('attachment; filename="kolo-results.csv"');
    const bytes = new Uint8Array(await results.arrayBuffer());
    // a UTF-8 byte order mark first (fetch's text() drops it), for spreadsheet apps
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('kind,widget,choice,count,voters\r\n')).toBe(true);
    expect(csv).toContain('poll,console-poll,a,1,2\r\npoll,console-poll,b,1,2\r\n');
    const ideasCsv = async (q = '') => (await fetch(`${ctx.server.url}/v1/admin/export/ideas.csv${q}`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    const plain = await ideasCsv();
    // a formula is neutralised, quotes doubled, commas quoted; the contact only on request
    expect(plain).toContain(`ideas,console-a,${first.id},"'=HYPERLINK(""x"") looks, ""quoted"", text",,,review,1,`);
    expect(plain).toContain(`questions,console-b,${second.id},Питання українською?,,,pending,1,`);
    expect(plain).not.toContain('a@example.org');
    expect(plain.split('\r\n')[0]!.endsWith(',author')).toBe(true);
    expect(await ideasCsv('?contact=1')).toContain(',author-1,a@example.org\r\n');
    expect((await fetch(`${ctx.server.url}/v1/admin/export/ideas.csv`)).status).toBe(401);

    // imported ideas keep their first-response time, so the metrics count them
    const seeded = { kind: 'ideas', id: 'console-seeded', counts: {}, ideas: [{ id: 'old', title: 'An idea from last year', status: 'done', createdAt: '2025-01-06T09:00:00Z', firstResponseAt: '2025-01-06T10:30:00Z' }] };
    expect((await ctx.api.admin('POST', '/seed', seeded)).body).toEqual({ seeded: true });
    expect((await ctx.api.admin('GET', '/ideas/ideas/console-seeded')).body.ideas[0]).toMatchObject({ id: 'old', author: '', firstResponseAt: '2025-01-06T10:30:00.000Z' });
    const m = (await ctx.api.admin('GET', '/metrics?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z')).body;
    expect(m.boards['ideas:console-seeded'].responses).toEqual({ submitted: 1, responded: 1, medianHours: 1.5, withinTarget: 1 });
  });

  it('records signals, append-only', async () => {
    const r = await ctx.api.post('/v1/signals', { signals: [{ type: 'view', widget: { kind: 'poll', id: 'p1' }, voter: 'v1', at: now() }, { type: 'next-step', widget: { kind: 'poll', id: 'p1' }, voter: 'v1', at: now(), data: { href: 'https://example.org' } }] });
    expect(r.status).toBe(204);
    // sendBeacon posts text/plain
    const beacon = await fetch(`${ctx.server.url}/v1/signals`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ signals: [{ type: 'dismiss', widget: { kind: 'help-banner', id: 'b' }, voter: 'v1', at: now() }] }) });
    expect(beacon.status).toBe(204);
    const rows = await ctx.server.db.query<{ n: number }>(`select count(*)::int as n from kolo_signals where voter = 'v1'`);
    expect(rows[0]!.n).toBe(3);
  });
});

describe('configuration', () => {
  it('refuses to start in production without an admin token or an IP salt', () => {
    expect(() => configFromEnv({ NODE_ENV: 'production' })).toThrow('KOLO_ADMIN_TOKEN is required');
    expect(() => configFromEnv({ NODE_ENV: 'production', KOLO_ADMIN_TOKEN: TOKEN })).toThrow('KOLO_IP_SALT is required');
    expect(() => configFromEnv({ PORT: 'abc' })).toThrow('PORT must be a whole number');
    expect(configFromEnv({ NODE_ENV: 'production', KOLO_ADMIN_TOKEN: TOKEN, KOLO_IP_SALT: 's', KOLO_ORIGINS: 'https://a.example, https://b.example' }).origins).toEqual(['https://a.example', 'https://b.example']);
  });
});
