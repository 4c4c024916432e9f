/**
 * The storage interface: one small shape, two drivers running the same SQL
 * (PGlite in ./pglite.ts, PostgreSQL in ./postgres.ts).
 */
export type Row = Record<string, unknown>;

/** How to send a statement: `prepare`, keep it prepared on the connection (PostgreSQL; for the hot fixed texts, e.g. an action's call). */
export interface QueryOptions {
  prepare?: boolean;
}

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[], options?: QueryOptions): Promise<T[]>;
}

export interface Db extends Queryable {
  /** run `fn` in one transaction; it is rolled back when `fn` throws */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** receive `NOTIFY` payloads on `channel` (PostgreSQL: from every server on the database; PGlite: from this process, without SQL) */
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
  readonly driver: 'pglite' | 'postgres';
}
