// A board over HTTP comes a page at a time: the query goes in the address, and a further page is
// added to the pages before it (what the adapter keeps as the voter's last view, too).
import { describe, expect, it } from 'vitest';
import { memoryStorage, type Idea, type View } from '../../index.ts';
import { fakeServer, json } from '../../test-utils/fake-server.ts';
import { httpAdapter } from './index.ts';

const board = { kind: 'ideas', id: 'roadmap' } as const;
const idea = (id: string): Idea => ({ id, title: `Idea ${id}`, status: 'review', createdAt: '2026-10-01T09:00:00Z', own: false });
const page = (ids: string[], next?: string, mine: string[] = []): View => ({
  counts: Object.fromEntries(ids.map((id, i) => [id, 10 - i])),
  voters: 7,
  mine,
  ideas: ids.map(idea),
  ...(next ? { next } : {}),
});

/** A server answering from `pages` by the address's path and query; `hold` keeps an answer until released. */
function server(pages: Record<string, View>) {
  const held = new Map<string, () => void>();
  const s = fakeServer(async (r) => {
    const url = new URL(r.url);
    const key = url.pathname.replace('/v1/widgets/ideas/roadmap', '') + url.search;
    if (key.includes('slow')) await new Promise<void>((go) => held.set(key, go));
    return pages[key] ? json(200, pages[key]) : json(404, { error: { code: 'rejected', reason: 'not-found' } });
  });
  return { ...s, release: (key: string) => held.get(key)?.() };
}

const adapterOf = (s: ReturnType<typeof server>) => {
  const storage = memoryStorage();
  return { storage, a: httpAdapter({ endpoint: 'https://kolo.test', storage, fetch: s.fetch }) };
};
const kept = (storage: Storage) => JSON.parse(storage.getItem([...Array(storage.length).keys()].map((i) => storage.key(i)!).find((k) => k.includes('ideas:roadmap'))!)!) as View;

describe('a board over HTTP, page by page', () => {
  it('sends the query as parameters, leaving out empty filters, and nothing for a load without one', async () => {
    const s = server({ '': page(['a']), '?sort=new&status=planned&q=dark+mode&limit=10': page(['b']), '?category=app': page(['c']) });
    const { a } = adapterOf(s);
    await a.load(board, 'v1');
    await a.load(board, 'v1', { sort: 'new', status: 'planned', category: '', search: 'dark mode', limit: 10 });
    await a.load(board, 'v1', { status: '', category: 'app', search: '' });
    expect(s.requests.map((r) => r.url.replace('https://kolo.test', ''))).toEqual([
      '/v1/widgets/ideas/roadmap',
      '/v1/widgets/ideas/roadmap?sort=new&status=planned&q=dark+mode&limit=10',
      '/v1/widgets/ideas/roadmap?category=app',
    ]);
    a.close();
  });

  it('answers a further page with the pages before it, and keeps that as the voter’s last view', async () => {
    const s = server({
      '?sort=top': page(['a', 'b'], 'c1', ['b']),
      '?sort=top&cursor=c1': { ...page(['c', 'd'], 'c2', ['d']), voters: 8 },
      '?sort=top&cursor=c2': page(['e']),
      '?sort=new': page(['e', 'd'], 'n1'),
    });
    const { a, storage } = adapterOf(s);
    expect((await a.load(board, 'v1', { sort: 'top' })).next).toBe('c1');
    const two = await a.load(board, 'v1', { sort: 'top', cursor: 'c1' });
    expect(two.ideas!.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(two).toMatchObject({ counts: { a: 10, b: 9, c: 10, d: 9 }, mine: ['b', 'd'], voters: 8, next: 'c2' });
    expect(kept(storage).ideas!.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    const three = await a.load(board, 'v1', { sort: 'top', cursor: 'c2' });
    expect(three.ideas!.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(three.next).toBeUndefined();
    // another query starts again from its first page
    const other = await a.load(board, 'v1', { sort: 'new' });
    expect(other.ideas!.map((i) => i.id)).toEqual(['e', 'd']);
    expect(kept(storage).next).toBe('n1');
    a.close();
  });

  it('keeps the latest load’s view when an older one answers after it', async () => {
    const s = server({ '?q=slow': page(['old']), '?q=fast': page(['new']) });
    const { a, storage } = adapterOf(s);
    const slow = a.load(board, 'v1', { search: 'slow' });
    await a.load(board, 'v1', { search: 'fast' });
    s.release('?q=slow');
    expect((await slow).ideas!.map((i) => i.id)).toEqual(['old']);
    expect(kept(storage).ideas!.map((i) => i.id)).toEqual(['new']);
    a.close();
  });

  it('asks the server for similar ideas, with the voter in the header', async () => {
    const s = server({ '/similar?title=dark%20theme%20%26%20more': page(['a']) });
    const { a } = adapterOf(s);
    expect((await a.similar!(board, 'v1', 'dark theme & more')).ideas!.map((i) => i.id)).toEqual(['a']);
    expect(s.requests[0]!.headers.get('kolo-voter')).toBe('v1');
    a.close();
  });
});
