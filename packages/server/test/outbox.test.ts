// The HTTP adapter's outbox against the real server: votes kept while the device was offline meet
// the server's rate limit when they are delivered; they stay kept and are stored once the limit lifts.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryStorage, type VoteAction } from '@kolo/core';
import { httpAdapter } from '@kolo/core/http';
import { startServer, type ServerConfig } from '../src/index.ts';
import { as, client, drivers, freshDatabase, key, now, testConfig } from './harness.ts';

const widget = { kind: 'poll', id: 'queued-429' } as const;
const policy = { options: ['a', 'b', 'c'], multiple: false, change: true };

describe.each(drivers)('the outbox against the server on $name', ({ url }) => {
  it('keeps queued votes that meet a 429 on delivery and stores every one once the limit lifts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kolo-outbox-429-'));
    const db = await freshDatabase(url);
    const config = (over: Partial<ServerConfig>) => testConfig({ databaseUrl: db.databaseUrl, ...(url ? {} : { dataDir: dir }), ...over });
    let server = await startServer(config({ ratePerVoter: 1 }));
    let online = false;
    const fetch: typeof globalThis.fetch = (input, init) => (online ? globalThis.fetch(input, init) : Promise.reject(new TypeError('Failed to fetch')));
    const adapter = httpAdapter({ endpoint: server.url, storage: memoryStorage(), fetch });
    const stored = async () => (await server.db.query<{ id: string }>('select id from kolo_actions where widget = $1 and status = 200', [widget.id])).map((r) => r.id);
    try {
      // offline: one person changes their mind four times; every vote is kept and shown as saved
      const votes: VoteAction[] = ['a', 'b', 'c', 'a', 'b'].map((c) => ({ type: 'vote', id: key('q'), voter: 'v_queued', widget, choices: [c], policy, at: now() }));
      for (const [i, v] of votes.entries()) expect(await adapter.send(v)).toMatchObject({ mine: v.choices, queued: i + 1 });

      // back online: the server takes one vote a minute from this voter, the others meet its limit
      online = true;
      await adapter.flush();
      expect(await stored()).toEqual([votes[0]!.id]);
      const limited = votes.slice(1);
      expect(adapter.queued().map((a) => a.id)).toEqual(limited.map((v) => v.id));

      // the limit's window passes (here the server comes back with room, as waiting out a real minute
      // is too slow for a test; the adapter's own wait for Retry-After is measured in core with fake timers)
      const port = Number(new URL(server.url).port);
      await server.close();
      server = await startServer(config({ port, ratePerVoter: 100 }));
      await server.db.query('delete from kolo_buckets'); // the budget spent before the restart has refilled
      await adapter.flush();
      const kept = await stored();
      const lost = limited.filter((v) => !kept.includes(v.id));
      expect(`${lost.length} of ${limited.length} queued votes that met a 429 lost`).toBe(`0 of ${limited.length} queued votes that met a 429 lost`);
      expect(adapter.queued()).toEqual([]);
      expect((await client(server).get(`/v1/widgets/poll/${widget.id}`, as('v_queued'))).body).toEqual({ counts: { b: 1 }, voters: 1, mine: ['b'] });
    } finally {
      adapter.close();
      await server.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
