/** PGlite: embedded PostgreSQL in WebAssembly, data in a folder. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { lockFolder } from './lock.ts';
import type { Db, Queryable, Row } from './types.ts';

/**
 * Embedded PGlite; `dataDir` undefined keeps everything in memory (tests). A folder is locked for this
 * process until `close()`: a second server on it is refused (see ./lock.ts).
 */
export async function pgliteDb(dataDir?: string): Promise<Db> {
  // PGlite creates the last folder only; a fresh clone has none of `.kolo-data/demo`
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const release = dataDir ? lockFolder(dataDir) : () => {};
  let pg: PGlite;
  try {
    // pg_trgm: board search and similar ideas (migration 0008)
    pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  } catch (e) {
    release();
    throw e;
  }
  const listeners = new Map<string, Set<(payload: string) => void>>();
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    query: async <T extends Row>(sql: string, params: unknown[] = []) => (await q.query<T>(sql, params)).rows,
  });
  return {
    driver: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    // one process holds the database (the folder is locked): notices go to its listeners directly, no SQL
    async listen(channel, fn) {
      const set = listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!;
      set.add(fn);
      return async () => void set.delete(fn);
    },
    async notify(channel, payload) {
      for (const fn of listeners.get(channel) ?? []) fn(payload);
    },
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
