/** PostgreSQL through the `postgres` client. */
import postgres from 'postgres';
import type { Db, Queryable, QueryOptions, Row } from './types.ts';

/** PostgreSQL through a connection pool. */
export function postgresDb(url: string, max = 10): Db {
  // statements are not prepared unless asked (`QueryOptions.prepare`: a few fixed texts), so texts
  // built per request never pile up on a connection
  // JSON goes in as text we serialised ourselves (the same SQL runs on PGlite), so strings are not encoded twice
  const json = (oid: number) => ({ to: oid, from: [oid], serialize: (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v)), parse: (v: string) => JSON.parse(v) as unknown });
  const sql = postgres(url, { max, onnotice: () => {}, prepare: false, types: { json: json(114), jsonb: json(3802) } });
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    query: async <T extends Row>(text: string, params: unknown[] = [], o: QueryOptions = {}) =>
      (await q.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: !!o.prepare })) as unknown as T[],
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
