// Live updates computed once: however many streams follow a widget, a change costs one computation of
// its public view, a burst of changes a handful of broadcasts (the last one exact), a board's update
// carries only the ideas that changed, and a client that does not read its stream holds nobody up.
import { connect } from 'node:net';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { readEvents } from '@kolo/core/http';
import { pgliteDb } from '../src/db/pglite.ts';
import { migrate } from '../src/db/migrate.ts';
import { changed, openLive } from '../src/live.ts';
import type { Db } from '../src/db/types.ts';
import { drivers, idea as ideaFor, key, now, serverFor, sse, vote } from './harness.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const policy = { moderated: false, minFillMs: 0, maxPerDay: 100, titleMin: 4, titleMax: 140, detailsMax: 2000, categories: [] };
const upvote = (board: string, voter: string, idea: string) => ({ type: 'upvote', id: key('u'), voter, widget: { kind: 'ideas', id: board }, idea, on: true, at: now() });

/** Count a database's statements and notices from now on. */
function counted(db: Db) {
  const c = { queries: 0, notices: 0 };
  const query = db.query;
  const notify = db.notify;
  Object.assign(db, {
    query: (...a: Parameters<Db['query']>) => (c.queries++, query(...a)),
    notify: (...a: Parameters<Db['notify']>) => (c.notices++, notify(...a)),
  });
  return { c, restore: () => Object.assign(db, { query, notify }) };
}

describe.each(drivers)('live updates on $name', ({ url }) => {
  const ctx = serverFor(url, { streamsPerIp: 0 });
  const events = (widgets: string) => `${ctx.server.url}/v1/events?widgets=${widgets}`;

  it('sends 200 streams the same updates from one computation per change: SQL per vote does not grow with streams', async () => {
    const votes = 5;
    const run = async (poll: string, streams: number) => {
      const seen = Array.from({ length: streams }, (_, i) => sse(events(`poll:${poll}`), `w${i}`, (t) => t.some((v) => v.voters === votes), 30_000));
      await sleep(streams ? 1500 : 0);
      const { c, restore } = counted(ctx.server.db);
      for (let i = 0; i < votes; i++) {
        expect((await ctx.api.post('/v1/actions', vote(poll, `v${i}`, ['a']))).status).toBe(200);
        await sleep(250);
      }
      const updates = await Promise.all(seen);
      await sleep(300);
      restore();
      return { queries: c.queries, updates };
    };
    const alone = await run('quiet', 0);
    const followed = await run('many', 200);
    expect(followed.updates.map((u) => u.at(-1))).toEqual(Array(200).fill({ counts: { a: votes }, voters: votes, mine: [], partial: 'public' }));
    // one statement per computation, at most one computation per vote (before: one per stream and vote)
    expect(followed.queries - alone.queries).toBeLessThanOrEqual(votes + 1);
    // a stream opened now gets the poll's public view at once, from what the channel keeps
    const keeper = sse(events('poll:many'), 'keeper', () => false, 1500);
    await sleep(500);
    const { c, restore } = counted(ctx.server.db);
    const [late] = await sse(events('poll:many'), 'late', (t) => t.length > 0);
    restore();
    await keeper;
    expect(late).toEqual({ counts: { a: votes }, voters: votes, mine: [], partial: 'public' });
    expect(c.queries).toBe(0);
  });

  it('coalesces a burst of 100 votes into a few broadcasts and NOTIFYs, the last one exact', async () => {
    const stream = sse(events('poll:burst'), 'watcher', (t) => t.some((v) => v.voters === 100), 60_000);
    await sleep(500);
    const { c, restore } = counted(ctx.server.db);
    const t0 = Date.now();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => ctx.api.post('/v1/actions', vote('burst', `b${i}`, [i % 3 ? 'a' : 'b']))));
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(200));
    const updates = (await stream).slice(1); // after the view on opening
    const elapsed = Date.now() - t0;
    restore();
    expect(updates.at(-1)).toEqual({ counts: { a: 66, b: 34 }, voters: 100, mine: [], partial: 'public' });
    // the first change at once, then at most one broadcast per 200 ms and one NOTIFY per 50 ms
    expect(updates.length).toBeLessThanOrEqual(Math.min(50, 2 + Math.ceil(elapsed / 200)));
    expect(c.notices).toBeLessThanOrEqual(Math.min(80, 2 + Math.ceil(elapsed / 50)));
  });

  it("sends a board's changed ideas only, public ones, with their counts; never a waiting idea or anyone's upvotes", async () => {
    const ids: string[] = [];
    const moderated = { ...policy, moderated: true };
    for (const title of ['First idea', 'Second idea', 'Third idea']) {
      // a new idea's id is its action's
      const { id, ...a } = ideaFor('live-board', 'author', title, moderated);
      expect((await ctx.api.post('/v1/actions', { id, ...a })).status).toBe(200);
      expect((await ctx.api.admin('POST', `/ideas/ideas/live-board/${id}`, { status: 'review' })).status).toBe(200);
      ids.push(id);
    }
    const stream = sse(events('ideas:live-board'), 'fan', (t) => t.some((v) => v.counts[ids[1]!] === 3), 15_000);
    await sleep(300);
    expect((await ctx.api.post('/v1/actions', upvote('live-board', 'fan', ids[1]!))).status).toBe(200);
    const waiting = (await ctx.api.post('/v1/actions', ideaFor('live-board', 'shy', 'A waiting idea', moderated))).body.ideas.find((i: any) => i.own).id;
    await sleep(300);
    expect((await ctx.api.post('/v1/actions', upvote('live-board', 'friend', ids[1]!))).status).toBe(200);
    const updates = await stream;
    for (const v of updates) {
      expect(v.partial).toBe('public');
      expect(v.mine).toEqual([]);
      expect(JSON.stringify(v)).not.toContain(waiting);
    }
    // from the first upvote on: only the idea that changed, never the whole board
    const upvoted = updates.slice(updates.findIndex((v) => v.counts[ids[1]!] === 2));
    expect(upvoted.length).toBeGreaterThan(1);
    for (const v of upvoted) expect((v.ideas ?? []).map((i: any) => i.id).filter((id: string) => id !== ids[1])).toEqual([]);
    expect(updates.at(-1)).toMatchObject({ counts: { [ids[1]!]: 3 }, ideas: [{ id: ids[1], title: 'Second idea', own: false }] });
  });

  it('keeps updating the others while one client never reads its stream', async () => {
    // a raw connection that asks for the stream and then reads nothing
    const { port } = new URL(ctx.server.url);
    const stalled = connect(Number(port), '127.0.0.1');
    stalled.write(`GET /v1/events?widgets=poll:stall HTTP/1.1\r\nHost: x\r\nKolo-Voter: stalled\r\n\r\n`);
    stalled.pause();
    const readers = Array.from({ length: 3 }, (_, i) => sse(events('poll:stall'), `r${i}`, (t) => t.some((v) => v.voters === 20), 30_000));
    await sleep(300);
    for (let i = 0; i < 20; i++) expect((await ctx.api.post('/v1/actions', vote('stall', `s${i}`, ['a']))).status).toBe(200);
    for (const r of await Promise.all(readers)) expect(r.at(-1)).toMatchObject({ voters: 20 });
    stalled.destroy();
  });
});

describe('the live path in one process', () => {
  it('PGlite hands a notice to its listeners without SQL', async () => {
    const db = await pgliteDb();
    try {
      const heard: string[] = [];
      await db.listen('kolo', (p) => heard.push(p));
      const { c } = counted(db);
      await changed(db, 'ideas', 'b1', ['x', 'y']);
      expect(heard).toEqual(['["ideas:b1","x","y"]']);
      expect(c.queries).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('drops a stream whose client stops reading once its queue passes the backlog; the others go on', async () => {
    const db = await pgliteDb();
    await migrate(db);
    const computed: string[] = [];
    const live = await openLive(db, { tick: 10, backlog: 2000, onCompute: (k) => computed.push(k) });
    const app = new Hono().get('/s', (c) => live.stream(c, [{ kind: 'poll', id: 'p' }], 'addr'));
    try {
      const unread = (await app.request('/s')).body!;
      const read = (await app.request('/s')).body!;
      let last: any;
      const reading = readEvents(read, (_e, data) => void (last = JSON.parse(data).view));
      for (let i = 0; i < 80; i++) {
        await db.query(`insert into kolo_counts (kind, widget, choice, shard, n) values ('poll', 'p', 'a', 0, 1) on conflict (kind, widget, choice, shard) do update set n = kolo_counts.n + 1`);
        await changed(db, 'poll', 'p');
        await sleep(15);
      }
      await sleep(100);
      // the unread one holds what was queued before it was dropped, then ends
      let bytes = 0;
      await readEvents(unread, (_e, data) => void (bytes += data.length));
      expect(bytes).toBeGreaterThan(0);
      expect(bytes).toBeLessThan(2000 + 200);
      expect(last.counts).toEqual({ a: 80 });
      expect(computed.length).toBeLessThanOrEqual(81);
      live.end();
      await reading;
    } finally {
      await live.close();
      await db.close();
    }
  });
});
