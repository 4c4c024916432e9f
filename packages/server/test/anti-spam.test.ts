// Anti-spam that holds, over real HTTP on PGlite and PostgreSQL: the form's fill time measured on the
// server's clock (a signed form token from the board's view), the daily idea quota per client address
// besides per voter, and stop words that look-alike letters and invisible characters do not slip past.
import { describe, expect, it } from 'vitest';
import { FORM_MAX_AGE_MS } from '../src/actions/form-token.ts';
import { ADDRESS_FACTOR } from '../src/actions/ideas.ts';
import { as, drivers, formToken, idea as ideaFor, key, now, serverFor, sse } from './harness.ts';
import { EVASIONS, STOP_WORDS } from './stop-word-evasions.ts';

const policy = { moderated: false, minFillMs: 0, maxPerDay: 100, titleMin: 4, titleMax: 140, detailsMax: 2000, categories: [] };
const idea = (board: string, voter: string, title: string, over: Record<string, unknown> = {}) => ideaFor(board, voter, title, policy, over);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(drivers)('anti-spam on $name', ({ url }) => {
  const ctx = serverFor(url);
  const send = (body: unknown, address = '192.0.2.1') => ctx.api.post('/v1/actions', body, { 'x-forwarded-for': address });
  const reasonOf = async (body: unknown) => {
    const r = await send(body);
    return r.status === 200 ? 'accepted' : `${r.status} ${r.body.error.reason}`;
  };

  it('hands out a form token with a board loaded by GET only, never in a live update or another widget', async () => {
    const board = await ctx.api.get('/v1/widgets/ideas/token-board', as('v1'));
    expect(board.body.form).toMatch(/^[0-9a-z]+\.[\w-]{43}$/);
    expect((await ctx.api.get('/v1/widgets/poll/token-poll', as('v1'))).body.form).toBeUndefined();
    const stream = sse(`${ctx.server.url}/v1/widgets/ideas/token-board/events`, 'v1', (t) => t.length >= 1);
    await sleep(200);
    expect((await send(idea('token-board', 'v2', 'A live update'))).status).toBe(200);
    const [live] = await stream;
    expect(live?.ideas?.map((i: { title: string }) => i.title)).toEqual(['A live update']);
    expect(live.form).toBeUndefined();
  });

  it('measures the fill time on its own clock: a form sent at once is too fast, whatever startedAt says', async () => {
    const timed = { ...policy, minFillMs: 1000 };
    // a bot loads the board and sends at once, claiming it took 10 s
    const bots = [];
    for (let i = 0; i < 5; i++) {
      const form = (await ctx.api.get(`/v1/widgets/ideas/fill-time`, as(`bot-${i}`))).body.form;
      bots.push(await reasonOf(idea('fill-time', `bot-${i}`, `Quick spam ${i}`, { form, policy: timed })));
    }
    expect(bots).toEqual(Array(5).fill('409 too-fast'));
    // a person who takes longer than the board's minimum is accepted with the same kind of token
    const form = (await ctx.api.get('/v1/widgets/ideas/fill-time', as('person'))).body.form;
    await sleep(1100);
    expect(await reasonOf(idea('fill-time', 'person', 'A thought-through idea', { form, policy: timed, startedAt: now() }))).toBe('accepted');
  });

  it('refuses an idea whose form token is missing, forged, another board’s or older than a day', async () => {
    const token = formToken('tokens');
    const [time] = token.split('.');
    const cases = {
      missing: idea('tokens', 'v1', 'No token at all', { form: undefined }),
      forged: idea('tokens', 'v1', 'A forged token', { form: `${time}.${'A'.repeat(43)}` }),
      garbage: idea('tokens', 'v1', 'Not a token', { form: 'not-a-token' }),
      'another board': idea('tokens', 'v1', 'Another board token', { form: formToken('other-board') }),
      'another kind': idea('tokens', 'v1', 'A questions token', { form: formToken('tokens', 'questions') }),
      'too old': idea('tokens', 'v1', 'A stale token here', { form: formToken('tokens', 'ideas', FORM_MAX_AGE_MS + 60_000) }),
    };
    const answers = Object.fromEntries(await Promise.all(Object.entries(cases).map(async ([name, body]) => [name, await reasonOf(body)])));
    expect(answers).toEqual(Object.fromEntries(Object.keys(cases).map((name) => [name, '409 form-expired'])));
    expect(await reasonOf(idea('tokens', 'v1', 'With a good token', { form: token }))).toBe('accepted');
  });

  it('limits ideas per client address too: a new voter id per idea does not walk past it', async () => {
    const quota = { ...policy, maxPerDay: 2 };
    const perAddress = quota.maxPerDay * ADDRESS_FACTOR;
    const answers = [];
    for (let i = 0; i < perAddress + 3; i++) answers.push((await send(idea('quota', `fresh-voter-${i}`, `Spam idea number ${i}`, { policy: quota }), '203.0.113.7')).status);
    expect({ accepted: answers.filter((s) => s === 200).length, limited: answers.filter((s) => s === 429).length }).toEqual({ accepted: perAddress, limited: 3 });
    // another address (another office) is not affected, nor another board from the same address
    expect((await send(idea('quota', 'neighbour', 'An idea from next door', { policy: quota }), '203.0.113.8')).status).toBe(200);
    expect((await send(idea('quota-other', 'fresh-voter-x', 'An idea on another board', { policy: quota }), '203.0.113.7')).status).toBe(200);
    const limited = await send(idea('quota', 'fresh-voter-y', 'One more from the office', { policy: quota }), '203.0.113.7');
    expect([limited.body.error.reason, Number(limited.headers.get('retry-after'))]).toEqual(['limit', expect.any(Number)]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(80_000);
  });

  it('refuses every stop-word evasion, and lets ordinary ideas through', async () => {
    await ctx.api.admin('PUT', '/stop-words/en', { words: STOP_WORDS });
    await ctx.api.admin('PUT', '/stop-words/uk', { words: ['казино', "м'ясо"] });
    const passed = [];
    for (const [how, title] of EVASIONS) {
      const r = await send(idea('evasions', `evader-${passed.length}-${key()}`, title));
      if (r.status === 200) passed.push(how);
      else expect(r.body.error.reason).toBe('stop-word');
    }
    expect({ passed, of: EVASIONS.length }).toEqual({ passed: [], of: EVASIONS.length });
    const ordinary = [
      'Casinos nearby, a map',
      'Classic buses at night',
      'Dark mode for the app, please',
      'Нічні автобуси на вихідних',
      'Гора, ріка і сосновий ліс: туристична мапа',
      'Сортування сміття біля кожного під’їзду',
    ];
    for (const title of ordinary) expect([title, await reasonOf(idea('evasions', `person-${key()}`, title))]).toEqual([title, 'accepted']);
    for (const title of ['Нове КАЗИНО біля вокзалу', 'Дешеве мʼясо тут']) expect([title, await reasonOf(idea('evasions', `uk-${key()}`, title))]).toEqual([title, '409 stop-word']);
    await ctx.api.admin('PUT', '/stop-words/en', { words: [] });
    await ctx.api.admin('PUT', '/stop-words/uk', { words: [] });
  });
});
