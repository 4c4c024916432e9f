// Hostile input classes that PostgreSQL refuses though JavaScript accepts them: each is a 4xx naming the
// field (the contract refuses it before any SQL runs), never a 5xx, on PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { drivers, formToken, key, now, serverFor, vote } from './harness.ts';

const idea = (over: Record<string, unknown> = {}) => ({
  type: 'idea',
  id: key('i'),
  voter: 'v1',
  widget: { kind: 'ideas', id: 'hostile' },
  idea: { title: 'A perfectly fine idea' },
  honeypot: '',
  startedAt: new Date(Date.now() - 10_000).toISOString(),
  form: formToken(((over.widget as { id?: string } | undefined)?.id) ?? 'hostile'),
  policy: { moderated: false, minFillMs: 0, maxPerDay: 100, titleMin: 8, titleMax: 140, detailsMax: 2000, categories: [] },
  at: now(),
  ...over,
});

describe.each(drivers)('hostile input on $name', ({ url }) => {
  const ctx = serverFor(url);

  it.each([
    ['a NUL character in a title', idea({ idea: { title: 'A fine idea\u0000 with a NUL' } }), 'idea.title'],
    ['a NUL character in details', idea({ idea: { title: 'A perfectly fine idea', details: '\u0000' } }), 'idea.details'],
    ['an unpaired surrogate in a title', idea({ idea: { title: 'A fine idea \ud800 alone' } }), 'idea.title'],
    ['a NUL character in the voter id', vote('hostile', 'v\u0000', ['a']), 'voter'],
    ['a NUL character in the honeypot', idea({ honeypot: '\u0000' }), 'honeypot'],
    ['a year only', vote('hostile', 'v1', ['a'], { at: '2026' }), 'at'],
    ['a date in words', vote('hostile', 'v1', ['a'], { at: 'March 7' }), 'at'],
    ['a day that does not exist', vote('hostile', 'v1', ['a'], { at: '2026-02-30T10:00:00Z' }), 'at'],
    ['a year past 9999', vote('hostile', 'v1', ['a'], { at: '+010000-01-01T00:00:00Z' }), 'at'],
    ['a closing date in words', vote('hostile', 'v1', ['a'], { policy: { options: ['a'], multiple: false, change: false, closesAt: 'next friday' } }), 'policy.closesAt'],
    ['a start time that does not exist', idea({ startedAt: '2026-13-01T00:00:00Z' }), 'startedAt'],
  ])('refuses %s with 400 naming the field', async (_name, body, field) => {
    const r = await ctx.api.post('/v1/actions', body);
    expect([r.status, r.body.error.reason, r.body.error.field]).toEqual([400, 'invalid', field]);
  });

  it('refuses a NUL character in the voter header with 400', async () => {
    const r = await ctx.api.get('/v1/widgets/poll/hostile', { 'kolo-voter': '%00' });
    expect([r.status, r.body.error.reason, r.body.error.field]).toEqual([400, 'invalid', 'Kolo-Voter']);
  });

  it('refuses NUL characters anywhere in the rules of a widget with 400 (admin)', async () => {
    const r = await ctx.api.admin('PUT', '/widgets/poll/hostile', { rules: { policy: { options: ['a\u0000'], multiple: false, change: false } } });
    expect([r.status, r.body.error.reason, r.body.error.field]).toEqual([400, 'invalid', 'rules']);
  });

  it('answers an idea whose id is already taken (by a seeded idea) with 409, not 500', async () => {
    await ctx.api.admin('POST', '/seed', { kind: 'ideas', id: 'hostile-seeded', ideas: [{ id: 'taken', title: 'Seeded', status: 'review', createdAt: now() }] });
    const r = await ctx.api.post('/v1/actions', idea({ id: 'taken', widget: { kind: 'ideas', id: 'hostile-seeded' } }));
    expect([r.status, r.body.error.reason]).toEqual([409, 'id-reused']);
  });
});
