import { beforeAll, describe, expect, it } from 'vitest';
import { as, drivers, serverFor, sse } from './harness.ts';

type Seeded = { id: string; title: string; status: string; createdAt: string; firstResponseAt?: string; answer?: string; link?: string; votes?: number };
const done = (id: string, at: string, over: Partial<Seeded> = {}): Seeded => ({ id, title: `Idea ${id}`, status: 'done', createdAt: '2026-01-05T10:00:00.000Z', firstResponseAt: at, ...over });

describe.each(drivers)('changelog on $name', ({ url }) => {
  const ctx = serverFor(url);

  async function setUp() {
    const roadmap = [
      done('a', '2026-11-03T10:00:00.000Z', { answer: 'Shipped in 2.0', link: 'https://example.org/blog/2-0', votes: 12 }),
      done('b', '2026-10-20T10:00:00.000Z', { title: 'Dark <script>alert(1)</script> & light', answer: 'Both: <b>auto</b> & manual', link: 'javascript:alert(1)' }),
      done('c', '2026-10-02T10:00:00.000Z', { link: '/relative' }),
      { id: 'open', title: 'Still planned', status: 'planned', createdAt: '2026-11-04T10:00:00.000Z', votes: 40 },
      { id: 'no', title: 'Declined one', status: 'declined', createdAt: '2026-11-04T10:00:00.000Z' },
    ];
    expect((await ctx.api.admin('POST', '/import/ideas/roadmap', { ideas: roadmap })).status).toBe(200);
    expect((await ctx.api.admin('POST', '/import/questions/ama', { ideas: [done('q', '2026-11-01T10:00:00.000Z', { answer: 'Yes', votes: 3 })] })).status).toBe(200);
    // a board of another changelog: never listed here
    expect((await ctx.api.admin('POST', '/import/ideas/private', { ideas: [done('secret', '2026-11-05T10:00:00.000Z')] })).status).toBe(200);
    await ctx.api.admin('POST', '/ideas/ideas/roadmap/merged-away', { status: 'done' });
    const defs = [{ kind: 'changelog', id: 'shipped', rules: { boards: ['ideas:roadmap', 'questions:ama', 'ideas:unregistered'], title: 'What we shipped' } }];
    expect((await ctx.api.admin('PUT', '/definitions', { definitions: defs })).status).toBe(200);
  }

  beforeAll(setUp);

  it('lists only what was done or answered on the boards registered with it, newest first, in pages', async () => {
    const first = await ctx.api.get('/v1/widgets/changelog/shipped?limit=2', as('reader'));
    expect(first.status).toBe(200);
    expect(first.body.entries).toEqual([
      { board: 'ideas:roadmap', id: 'a', title: 'Idea a', answer: 'Shipped in 2.0', link: 'https://example.org/blog/2-0', at: '2026-11-03T10:00:00.000Z', asked: 12 },
      { board: 'questions:ama', id: 'q', title: 'Idea q', answer: 'Yes', at: '2026-11-01T10:00:00.000Z', asked: 3 },
    ]);
    const second = await ctx.api.get(`/v1/widgets/changelog/shipped?limit=2&cursor=${first.body.next}`);
    expect(second.body.entries.map((e: any) => e.id)).toEqual(['b', 'c']);
    expect(second.body.next).toBeUndefined();
    // no voter needed: a changelog is the same for everyone
    expect((await ctx.api.get('/v1/widgets/changelog/shipped')).body.entries.map((e: any) => e.id)).toEqual(['a', 'q', 'b', 'c']);
  });

  it('refuses bad pages naming the field, and changelogs nobody registered', async () => {
    expect((await ctx.api.get('/v1/widgets/changelog/shipped?limit=51')).body.error).toMatchObject({ field: 'limit' });
    expect((await ctx.api.get('/v1/widgets/changelog/shipped?cursor=bm90LWEtY3Vyc29y')).body.error).toMatchObject({ field: 'cursor' });
    const unknown = await ctx.api.get('/v1/widgets/changelog/nobody');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.reason).toBe('unknown-widget');
    expect((await ctx.api.get('/v1/widgets/changelog/nobody/feed.atom')).status).toBe(404);
    // its rules name boards, and only boards
    const bad = await ctx.api.admin('PUT', '/definitions', { definitions: [{ kind: 'changelog', id: 'x', rules: { boards: ['poll:format'] } }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toMatch(/^definitions\.0\.rules\.boards/);
  });

  it('serves the same as Atom 1.0, with every text escaped and only safe absolute links', async () => {
    const r = await fetch(`${ctx.server.url}/v1/widgets/changelog/shipped/feed.atom?limit=3`);
    expect(r.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await r.text();
    const self = `${ctx.server.url}/v1/widgets/changelog/shipped/feed.atom`;
    expect(xml).toContain(`<id>${self}</id>`);
    expect(xml).toContain('<title type="text">What we shipped</title>');
    expect(xml).toContain('<updated>2026-11-03T10:00:00.000Z</updated>');
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${self}?limit=3"/>`);
    expect(xml).toMatch(/<link rel="next" type="application\/atom\+xml" href="[^"]+\?cursor=[\w-]+&amp;limit=3"\/>/);
    expect(xml).toContain('<title type="text">Dark &lt;script&gt;alert(1)&lt;/script&gt; &amp; light</title>');
    expect(xml).toContain('<content type="text">Both: &lt;b&gt;auto&lt;/b&gt; &amp; manual</content>');
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('javascript:');
    expect(xml).toContain('<link rel="alternate" href="https://example.org/blog/2-0"/>');
    expect(xml).toContain(`<id>${self}#ideas%3Aroadmap/a</id>`);
    expect(xml.match(/<entry>/g)).toHaveLength(3);
    expect(xml).not.toContain('secret');
  });

  it('updates live when the team marks an idea done on a covered board', async () => {
    const got = sse(`${ctx.server.url}/v1/widgets/changelog/shipped/events`, 'watcher', (views) => views.some((v) => v.entries?.[0]?.id === 'open'));
    await new Promise((r) => setTimeout(r, 300));
    const moderated = await ctx.api.admin('POST', '/ideas/ideas/roadmap/open', { status: 'done', answer: 'Done & dusted', link: 'https://example.org/open' });
    expect(moderated.status).toBe(200);
    const views = await got;
    const last = views[views.length - 1];
    expect(last.entries[0]).toMatchObject({ id: 'open', answer: 'Done & dusted', asked: 40 });
    expect(last.partial).toBeUndefined();
    // done now: it counts from now, and it is the newest
    expect(Date.parse(last.entries[0].at)).toBeGreaterThan(Date.now() - 60_000);
    // taken back out of done: it leaves
    await ctx.api.admin('POST', '/ideas/ideas/roadmap/open', { status: 'progress' });
    expect((await ctx.api.get('/v1/widgets/changelog/shipped')).body.entries.map((e: any) => e.id)).toEqual(['a', 'q', 'b', 'c']);
  });
});

describe.each(drivers)('changelog in production on $name', ({ url }) => {
  const ctx = serverFor(url, { production: true });

  it('refuses a changelog nobody registered, and takes no boards from the address', async () => {
    const r = await ctx.api.get('/v1/widgets/changelog/roadmap?boards=ideas:roadmap');
    expect(r.status).toBe(404);
    expect(r.body.error.reason).toBe('unknown-widget');
  });
});

describe.each(drivers)('changelog feed behind a public address on $name', ({ url }) => {
  const ctx = serverFor(url, { production: true, publicUrl: 'https://kolo.example.org/api/' });

  it("starts the feed's ids and links with KOLO_PUBLIC_URL, never with the request's Host", async () => {
    const defs = [{ kind: 'changelog', id: 'news', rules: { boards: ['ideas:roadmap'] } }];
    expect((await ctx.api.admin('PUT', '/definitions', { definitions: defs })).status).toBe(200);
    const r = await fetch(`${ctx.server.url}/v1/widgets/changelog/news/feed.atom?limit=2`, { headers: { host: 'evil.example' } });
    expect(r.status).toBe(200);
    const xml = await r.text();
    expect(xml).toContain('<id>https://kolo.example.org/api/v1/widgets/changelog/news/feed.atom</id>');
    expect(xml).toContain('href="https://kolo.example.org/api/v1/widgets/changelog/news/feed.atom?limit=2"');
    expect(xml).not.toContain('evil.example');
  });
});
