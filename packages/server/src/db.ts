/**
 * The storage interface: one small shape, two drivers running the same SQL.
 * PGlite (embedded PostgreSQL in WebAssembly, data in a folder) and PostgreSQL (`postgres`).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  /** run `fn` in one transaction; it is rolled back when `fn` throws */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** receive `NOTIFY` payloads on `channel` (from this and every other server on the database) */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
  readonly driver: 'pglite' | 'postgres';
}

/** Embedded PGlite; `dataDir` undefined keeps everything in memory (tests). */
export async function pgliteDb(dataDir?: string): Promise<Db> {
  // PGlite creates the last folder only; a fresh clone has none of `.kolo-data/demo`
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir ? { dataDir } : {});
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    query: async <T extends Row>(sql: string, params: unknown[] = []) => (await q.query<T>(sql, params)).rows,
  });
  return {
    driver: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, fn) {
      const stop = await pg.listen(channel, fn);
      return async () => stop();
    },
    async notify(channel, payload) {
      await pg.query('select pg_notify($1, $2)', [channel, payload]);
    },
    close: () => pg.close(),
  };
}

/** PostgreSQL through a connection pool. */
export function postgresDb(url: string, max = 10): Db {
  // JSON goes in as text we serialised ourselves (the same SQL runs on PGlite), so strings are not encoded twice
  const json = (oid: number) => ({ to: oid, from: [oid], serialize: (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)), parse: (v: string) => JSON.parse(v) as unknown });
  const sql = postgres(url, { max, onnotice: () => {}, prepare: false, types: { json: json(114), jsonb: json(3802) } });
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    query: async <T extends Row>(text: string, params: unknown[] = []) => (await q.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
  });
  return {
    driver: 'postgres',
    ...wrap(sql),
    transaction: (fn) => sql.begin((tx) => fn(wrap(tx))) as Promise<never>,
    async listen(channel, fn) {
      const { unlisten } = await sql.listen(channel, fn);
      return unlisten;
    },
    async notify(channel, payload) {
      await sql.notify(channel, payload);
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
