// Paged boards: GET of a board answers one page (sort, status, category, search, cursor, limit), a
// page's cost and size follow the page, not the board; similar ideas and the team's lists page too;
// a big board is imported in batches.
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../src/db/migrate.ts';
import { pgliteDb } from '../src/db/pglite.ts';
import { postgresDb } from '../src/db/postgres.ts';
import { as, drivers, freshDatabase, idea as ideaFor, key, now, serverFor } from './harness.ts';

const STATUSES = ['review', 'planned', 'progress', 'done', 'declined'] as const;
const policy = { moderated: true, minFillMs: 0, maxPerDay: 50, titleMin: 3, titleMax: 140, detailsMax: 2000, categories: [] };
const upvote = (board: string, voter: string, idea: string) => ({ type: 'upvote', id: key('u'), voter, widget: { kind: 'ideas', id: board }, idea, on: true, at: now() });

interface Made {
  id: string;
  title: string;
  status: string;
  createdAt: string;
  votes: number;
  category?: string;
  details?: string;
}

/** `n` ideas with many ties: four vote counts, twelve creation times, every public status, two categories. */
function made(n: number, prefix = 'i'): Made[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(5, '0')}`,
    title: `Idea number ${i} about ${i % 3 ? 'parking' : 'lighting'}`,
    details: i % 5 ? `Some details for idea ${i}, long enough to look real.` : undefined,
    status: STATUSES[i % STATUSES.length]!,
    category: i % 2 ? 'city' : 'web',
    createdAt: new Date(Date.UTC(2025, 0, 1 + (i % 12), 9, 30)).toISOString(),
    votes: i % 4,
  })).map((x) => JSON.parse(JSON.stringify(x)) as Made);
}

const byTop = (a: Made, b: Made) => b.votes - a.votes || b.createdAt.localeCompare(a.createdAt) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);
const byNew = (a: Made, b: Made) => b.createdAt.localeCompare(a.createdAt) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

describe.each(drivers)('paged boards on $name', ({ url }) => {
  const ctx = serverFor(url, { bodyLimit: 32 * 1024 });

  /** import `ideas` into `board` in batches of `size` */
  async function load(board: string, ideas: Made[], size = 1000) {
    let imported = 0;
    for (let i = 0; i < ideas.length; i += size) {
      const r = await ctx.api.admin('POST', `/import/ideas/${board}`, { ideas: ideas.slice(i, i + size) });
      expect(r.status).toBe(200);
      imported += r.body.imported;
    }
    return imported;
  }

  /** every page of `path` (a query string without cursor) as `voter`: the ideas in order, and the pages */
  async function walk(path: string, voter = 'reader') {
    const ids: string[] = [];
    const pages: any[] = [];
    let cursor: string | undefined;
    do {
      const r = await ctx.api.get(`${path}${path.includes('?') ? '&' : '?'}${cursor ? `cursor=${cursor}` : ''}`, as(voter));
      expect(r.status).toBe(200);
      pages.push(r.body);
      ids.push(...r.body.ideas.map((i: any) => i.id));
      cursor = r.body.next;
    } while (cursor && pages.length < 500);
    return { ids, pages };
  }

  it('imports a big board in batches of up to 1,000 ideas (bigger than a public body), idempotent by idea id', async () => {
    const ideas = made(1200, 'b');
    const first = await ctx.api.admin('POST', '/import/ideas/batched', { ideas: ideas.slice(0, 1000) });
    expect([first.status, first.body.imported]).toEqual([200, 1000]);
    // sent again with the rest: only the new ones count
    const again = await ctx.api.admin('POST', '/import/ideas/batched', { ideas: ideas.slice(900, 1200) });
    expect(again.body.imported).toBe(200);
    const board = (await ctx.api.admin('GET', '/widgets')).body.widgets.find((w: any) => w.id === 'batched');
    expect(board.ideas).toBe(1200);
    const tooMany = await ctx.api.admin('POST', '/import/ideas/batched', { ideas: made(1001, 'x') });
    expect([tooMany.status, tooMany.body.error.field]).toEqual([400, 'ideas']);
    const bad = await ctx.api.admin('POST', '/import/ideas/batched', { ideas: [{ ...ideas[0], votes: -1 }] });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'ideas.0.votes']);
    expect((await ctx.api.admin('POST', '/import/poll/batched', { ideas: ideas.slice(0, 1) })).status).toBe(400);
    // a public request is still held to the body limit
    expect((await ctx.api.post('/v1/actions', { type: 'vote', pad: 'x'.repeat(40_000) })).status).toBe(413);
  });

  it('pages top and new through a board with ties: every public idea exactly once, in order; counts and mine of the page only', async () => {
    const ideas = made(137, 't');
    await load('ties', ideas, 50);
    const hidden: Made[] = [
      { id: 'w-pending', title: 'Waiting idea of someone', status: 'pending', createdAt: '2025-02-01T00:00:00Z', votes: 9 },
      { id: 'w-rejected', title: 'Rejected idea of someone', status: 'rejected', createdAt: '2025-02-01T00:00:00Z', votes: 9 },
    ];
    await load('ties', hidden);
    await ctx.api.admin('POST', '/ideas/ideas/ties/t-00004/merge', { into: 't-00008' });
    const shown = ideas.filter((i) => i.id !== 't-00004');
    await ctx.api.post('/v1/actions', upvote('ties', 'reader', 't-00100'));
    shown.find((i) => i.id === 't-00100')!.votes++;

    for (const [sort, by] of [['top', byTop], ['new', byNew]] as const) {
      const { ids, pages } = await walk(`/v1/widgets/ideas/ties?sort=${sort}&limit=9`);
      expect(ids).toEqual([...shown].sort(by).map((i) => i.id));
      expect(pages).toHaveLength(Math.ceil(shown.length / 9));
      for (const p of pages) {
        const on = new Set(p.ideas.map((i: any) => i.id));
        expect(Object.keys(p.counts).every((id) => on.has(id))).toBe(true);
        expect(p.mine).toEqual(on.has('t-00100') ? ['t-00100'] : []);
        expect(p.voters).toBeGreaterThanOrEqual(1);
        expect(p.form).toEqual(expect.any(String));
      }
      expect(pages.at(-1).next).toBeUndefined();
    }
    const first = (await ctx.api.get('/v1/widgets/ideas/ties', as('reader'))).body;
    expect(first.ideas).toHaveLength(20);
    const top = [...shown].sort(byTop).slice(0, 20);
    expect(first.ideas.map((i: any) => i.id)).toEqual(top.map((i) => i.id));
    expect(first.counts).toEqual(Object.fromEntries(top.filter((i) => i.votes).map((i) => [i.id, i.votes])));
  });

  it('filters by status and category, alone and together, on every page', async () => {
    const ideas = made(120, 'f');
    await load('filters', ideas);
    for (const [query, keep] of [
      ['status=planned', (i: Made) => i.status === 'planned'],
      ['category=city', (i: Made) => i.category === 'city'],
      ['status=done&category=web&sort=new', (i: Made) => i.status === 'done' && i.category === 'web'],
      ['status=', () => true],
      ['status=pending', () => false],
    ] as const) {
      const { ids } = await walk(`/v1/widgets/ideas/filters?${query}&limit=7`);
      expect(ids, query).toEqual(ideas.filter(keep).sort(query.includes('sort=new') ? byNew : byTop).map((i) => i.id));
    }
  });

  it('searches titles and details on the server, in English and Ukrainian: every word must match', async () => {
    const text = [
      ['s-1', 'Ремонт дороги біля школи', 'Ями на дорозі'],
      ['s-2', 'Нова дорога до лісу', undefined],
      ['s-3', 'Освітлення парку', 'Темно ввечері, потрібні ліхтарі біля дороги'],
      ['s-4', 'Dark mode for the app', 'Easier on the eyes at night'],
      ['s-5', 'Darker themes', 'A mode for OLED screens'],
      ['s-6', 'Export to CSV', 'Dark corners of the API'],
      ['s-7', 'Improve 100% of the_reports', undefined],
    ] as const;
    await load('search', text.map(([id, title, details], n) => ({ id, title, ...(details ? { details } : {}), status: 'review', createdAt: `2025-03-0${n + 1}T10:00:00Z`, votes: n })));
    await load('search-other', [{ id: 'o-1', title: 'Ремонт дороги в іншому місті', status: 'review', createdAt: '2025-03-01', votes: 0 }]);
    const found = async (q: string, sort = 'top') => (await ctx.api.get(`/v1/widgets/ideas/search?q=${encodeURIComponent(q)}&sort=${sort}`, as('reader'))).body.ideas.map((i: any) => i.id);
    expect(await found('дорога')).toEqual(['s-3', 's-2', 's-1']);
    expect(await found('дороги')).toEqual(['s-3', 's-2', 's-1']);
    expect(await found('ДОРОГИ школи')).toEqual(['s-1']);
    expect(await found('dark mode')).toEqual(['s-5', 's-4']);
    expect(await found('DARK')).toEqual(['s-6', 's-5', 's-4']);
    expect(await found('dark mode', 'new')).toEqual(['s-5', 's-4']);
    expect(await found('the_reports')).toEqual(['s-7']);
    expect(await found('100%')).toEqual(['s-7']);
    expect(await found('ners_o')).toEqual([]); // `_` is no wildcard (it would find “corners o”)
    expect(await found('велосипед')).toEqual([]);
    // only stop words: no search
    expect(await found('the and')).toHaveLength(7);
    // pages of a search
    const { ids } = await walk('/v1/widgets/ideas/search?q=dark&limit=2');
    expect(ids).toEqual(['s-6', 's-5', 's-4']);
  });

  it("puts the voter's own waiting and rejected ideas first on the first page only, and nobody else's", async () => {
    await load('own', made(30, 'o'));
    const mine = (await ctx.api.post('/v1/actions', ideaFor('own', 'author', 'My waiting idea', policy))).body.ideas.find((i: any) => i.own).id;
    const rejected = (await ctx.api.post('/v1/actions', ideaFor('own', 'author', 'My rejected idea', policy))).body.ideas.find((i: any) => i.own && i.id !== mine).id;
    await ctx.api.admin('POST', `/ideas/ideas/own/${rejected}`, { status: 'rejected', reason: 'off topic' });
    await ctx.api.post('/v1/actions', ideaFor('own', 'someone', 'Someone else waiting', policy));

    const first = (await ctx.api.get('/v1/widgets/ideas/own?limit=5', as('author'))).body;
    expect(first.ideas.slice(0, 2).map((i: any) => i.id).sort()).toEqual([mine, rejected].sort());
    expect(first.ideas.slice(0, 2).every((i: any) => i.own)).toBe(true);
    expect(first.ideas).toHaveLength(7);
    expect(first.counts[mine]).toBe(1);
    expect(first.mine).toContain(mine);
    const { ids } = await walk('/v1/widgets/ideas/own?limit=5', 'author');
    expect(ids.filter((id) => id === mine || id === rejected)).toHaveLength(2);
    expect(ids).toHaveLength(32);
    // filters hold for them too
    expect((await ctx.api.get('/v1/widgets/ideas/own?status=rejected', as('author'))).body.ideas.map((i: any) => i.id)).toEqual([rejected]);
    expect((await ctx.api.get('/v1/widgets/ideas/own?q=waiting', as('author'))).body.ideas.map((i: any) => i.id)).toEqual([mine]);
    const other = await walk('/v1/widgets/ideas/own?limit=5', 'reader');
    expect(other.ids).toHaveLength(30);
    expect(JSON.stringify(other.pages)).not.toMatch(/waiting|rejected idea/i);
  });

  it('refuses a bad cursor, limit, sort, status, category or search with a 400 naming the field', async () => {
    await load('strict', made(30, 'x'));
    const top = (await ctx.api.get('/v1/widgets/ideas/strict?limit=5', as('reader'))).body.next;
    const forged = (raw: unknown) => Buffer.from(JSON.stringify(raw)).toString('base64url');
    const cases: [string, string][] = [
      ['cursor=nope', 'cursor'],
      ['cursor=a%20b', 'cursor'],
      [`cursor=${top}&sort=new`, 'cursor'],
      [`cursor=${'A'.repeat(401)}`, 'cursor'],
      [`cursor=${forged(['t', -1, '2025-01-01T00:00:00.000000Z', 'x'])}`, 'cursor'],
      [`cursor=${forged(['t', 1, '2025-01-01', 'x'])}`, 'cursor'],
      [`cursor=${forged(['t', 1, '2025-01-01T00:00:00.000000Z', ''])}`, 'cursor'],
      [`cursor=${forged(['t', 1, '2025-01-01T00:00:00.000000Z', 'x', 5])}`, 'cursor'],
      [`cursor=${forged({ t: 1 })}`, 'cursor'],
      [`cursor=${forged(['t', 1, '2024-02-30T00:00:00.000000Z', 'x'])}`, 'cursor'],
      [`cursor=${forged(['t', 1, '0000-01-01T00:00:00.000000Z', 'x'])}`, 'cursor'],
      [`cursor=${forged(['t', 1, '2025-01-01T00:00:00.000000Z', 'x\u0000'])}`, 'cursor'],
      ['category=%00', 'category'],
      ['q=a%00b', 'q'],
      ['limit=0', 'limit'],
      ['limit=51', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=99999999999', 'limit'],
      ['sort=best', 'sort'],
      ['status=open', 'status'],
      [`category=${'c'.repeat(81)}`, 'category'],
      [`q=${'a'.repeat(301)}`, 'q'],
      [`q=${encodeURIComponent(Array.from({ length: 13 }, (_, i) => `word${i}x`).join(' '))}`, 'q'],
    ];
    for (const [query, field] of cases) {
      const r = await ctx.api.get(`/v1/widgets/ideas/strict?${query}`, as('reader'));
      expect([r.status, r.body.error?.field], query).toEqual([400, field]);
    }
    const next = await ctx.api.get(`/v1/widgets/ideas/strict?limit=5&cursor=${top}`, as('reader'));
    expect(next.status).toBe(200);
    // a poll takes no page
    expect((await ctx.api.get('/v1/widgets/poll/strict?limit=0', as('reader'))).status).toBe(200);
  });

  it("keeps a 5,000-idea board's first page under 20 KB, the same size as a 500-idea board's", async () => {
    const size = async (board: string) => {
      const res = await fetch(`${ctx.server.url}/v1/widgets/ideas/${board}`, { headers: { ...as('reader'), 'accept-encoding': 'identity' } });
      return (await res.arrayBuffer()).byteLength;
    };
    await load('small', made(500, 'p'));
    await load('big', made(5000, 'p'));
    const [small, big] = [await size('small'), await size('big')];
    expect(big).toBeLessThanOrEqual(20_000);
    expect(Math.abs(big - small)).toBeLessThan(200);
    // a search on a big board: words most ideas hold (found walking the index), and words few hold
    const bigIdeas = made(5000, 'p');
    const searched = async (q: string) => (await ctx.api.get(`/v1/widgets/ideas/big?q=${q}`, as('reader'))).body.ideas.map((i: any) => i.id);
    expect(await searched('parking')).toEqual(bigIdeas.filter((i) => i.title.includes('parking')).sort(byTop).slice(0, 20).map((i) => i.id));
    expect(await searched('number%204242')).toEqual(['p-04242']);
    // similar ideas on a big board: the one with every word, though words as common as "number" (in
    // every title) and "lighting" are looked at only among the most upvoted ideas (here all "parking")
    const similar = (await ctx.api.get(`/v1/widgets/ideas/big/similar?title=${encodeURIComponent('lighting number 4242')}`, as('reader'))).body.ideas;
    expect(similar.map((i: any) => i.id)).toEqual(['p-04242']);
  });

  it('suggests up to 3 similar public ideas for a title being typed, with counts and mine', async () => {
    await load('alike', [
      { id: 'a-1', title: 'Dark mode for the dashboard', status: 'review', createdAt: '2025-01-01', votes: 5 },
      { id: 'a-2', title: 'Dark theme please', status: 'planned', createdAt: '2025-01-02', votes: 9 },
      { id: 'a-3', title: 'Dark mode on mobile', status: 'done', createdAt: '2025-01-03', votes: 1 },
      { id: 'a-4', title: 'Dark mode, rejected', status: 'rejected', createdAt: '2025-01-04', votes: 0 },
      { id: 'a-5', title: 'Dark mode, waiting', status: 'pending', createdAt: '2025-01-05', votes: 0 },
      { id: 'a-6', title: 'Темна тема', status: 'review', createdAt: '2025-01-06', votes: 2 },
      { id: 'a-7', title: 'Dark modes everywhere', status: 'review', createdAt: '2025-01-07', votes: 0 },
    ]);
    await ctx.api.post('/v1/actions', upvote('alike', 'reader', 'a-1'));
    const similar = async (title: string) => (await ctx.api.get(`/v1/widgets/ideas/alike/similar?title=${encodeURIComponent(title)}`, as('reader'))).body;
    const v = await similar('dark mo');
    expect(v.ideas.map((i: any) => i.id)).toEqual(['a-1', 'a-3', 'a-7']);
    expect([v.counts, v.mine]).toEqual([{ 'a-1': 6, 'a-3': 1 }, ['a-1']]);
    expect((await similar('темної теми')).ideas.map((i: any) => i.id)).toEqual(['a-6']);
    expect((await similar('the a')).ideas).toEqual([]);
    const bad = await ctx.api.get(`/v1/widgets/ideas/alike/similar?title=${'x'.repeat(301)}`, as('reader'));
    expect([bad.status, bad.body.error.field]).toEqual([400, 'title']);
    expect((await ctx.api.get('/v1/widgets/ideas/alike/similar', as('reader'))).body.error.field).toBe('title');
  });

  it('keeps the counts an imported idea brings when it is merged, less the people who upvoted both', async () => {
    const ideas = [
      { id: 'big', title: 'Night buses on weekends', status: 'review', createdAt: now() },
      { id: 'dup', title: 'Buses at night on weekends', status: 'review', createdAt: now() },
    ];
    expect((await ctx.api.admin('POST', '/seed', { kind: 'ideas', id: 'merge-counts', counts: { big: 500, dup: 30 }, ideas })).status).toBe(200);
    const upvote = (voter: string, idea: string) => ctx.api.post('/v1/actions', { type: 'upvote', id: key('u'), voter, widget: { kind: 'ideas', id: 'merge-counts' }, idea, on: true, at: now() });
    for (const idea of ['big', 'dup']) expect((await upvote('both', idea)).status).toBe(200);
    expect((await upvote('dup-only', 'dup')).status).toBe(200);
    expect((await ctx.api.admin('POST', '/ideas/ideas/merge-counts/dup/merge', { into: 'big' })).status).toBe(200);
    const page = await ctx.api.get('/v1/widgets/ideas/merge-counts', as('someone'));
    // 501 + 32 - 1: the person who upvoted both counts once
    expect(page.body.counts).toEqual({ big: 532 });
    // the team's list of widgets (and the results export) counts a board's upvotes per idea
    const listed = (await ctx.api.admin('GET', '/widgets')).body.widgets.find((w: { id: string }) => w.id === 'merge-counts');
    expect(listed.counts).toEqual({ big: 532 });
  });

  it("pages the team's list of a board (every status, merged ones too, newest first) and its queue", async () => {
    const ideas = made(45, 'm');
    await load('team', [...ideas, { id: 'm-wait', title: 'Waiting', status: 'pending', createdAt: '2024-06-01', votes: 0 }]);
    await ctx.api.admin('POST', '/ideas/ideas/team/m-00003/merge', { into: 'm-00007' });
    const all: string[] = [];
    let cursor = '';
    for (let n = 0; n < 20; n++) {
      const r = await ctx.api.admin('GET', `/ideas/ideas/team?limit=10${cursor && `&cursor=${cursor}`}`);
      expect(r.status).toBe(200);
      expect(r.body.ideas.length).toBeLessThanOrEqual(10);
      all.push(...r.body.ideas.map((i: any) => i.id));
      if (!r.body.next) break;
      cursor = r.body.next;
    }
    expect(all).toEqual([...ideas, { id: 'm-wait', createdAt: '2024-06-01T00:00:00.000Z' } as Made].sort(byNew).map((i) => i.id));
    const first = (await ctx.api.admin('GET', '/ideas/ideas/team')).body;
    expect(first.ideas).toHaveLength(20);
    expect(first.ideas.find((i: any) => i.id === 'm-00003')?.mergedInto ?? (await ctx.api.admin('GET', '/ideas/ideas/team?status=done')).body).toBeTruthy();
    expect((await ctx.api.admin('GET', '/ideas/ideas/team?status=pending')).body.ideas.map((i: any) => i.id)).toEqual(['m-wait']);
    expect((await ctx.api.admin('GET', '/queue/ideas/team')).body.ideas.map((i: any) => i.id)).toEqual(['m-wait']);
    // the page has a hard maximum: a bigger, odd or missing-number limit is refused, naming the field
    for (const [query, field] of [['limit=51', 'limit'], ['limit=5000', 'limit'], ['limit=0', 'limit'], ['limit=ten', 'limit'], ['cursor=zzz', 'cursor'], ['status=x', 'status']]) {
      const r = await ctx.api.admin('GET', `/ideas/ideas/team?${query}`);
      expect([r.status, r.body.error.field, r.body.error.message.startsWith(`${field}: `)], query).toEqual([400, field, true]);
    }
    expect((await ctx.api.admin('GET', '/ideas/ideas/team?limit=50')).body.ideas).toHaveLength(46);
  });

  it('0008 makes the ideas of a database it upgrades searchable, and keeps the text of ideas changed or deleted later', async () => {
    const fresh = await freshDatabase(url);
    const db = fresh.databaseUrl ? postgresDb(fresh.databaseUrl) : await pgliteDb();
    try {
      await db.query('create table kolo_migrations (version int primary key, applied_at timestamptz not null default now())');
      for (const m of migrations().filter((m) => m.version < 8)) {
        for (const st of m.statements) await db.query(st);
        await db.query('insert into kolo_migrations (version) values ($1)', [m.version]);
      }
      await db.query(`insert into kolo_ideas (kind, board, id, title, details, status, author) values ('ideas', 'b', 'old', 'Ремонт дороги', 'біля школи', 'review', 'v')`);
      expect(await migrate(db)).toContain(8);
      const text = () => db.query<{ id: string; body: string }>('select id, body from kolo_idea_text order by id');
      expect((await text()).map((r) => [r.id, r.body])).toEqual([['old', 'Ремонт дороги\nбіля школи']]);
      await db.query(`insert into kolo_ideas (kind, board, id, title, status, author) values ('ideas', 'b', 'new', 'Dark mode', 'review', 'v')`);
      await db.query(`update kolo_ideas set details = 'at night' where id = 'new'`);
      await db.query(`update kolo_ideas set votes = 5 where id = 'old'`);
      await db.query(`delete from kolo_ideas where id = 'old'`);
      expect((await text()).map((r) => [r.id, r.body])).toEqual([['new', 'Dark mode\nat night']]);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
