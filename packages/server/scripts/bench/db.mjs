// The databases of a run: one PostgreSQL cluster (with pg_stat_statements, to count the statements a
// vote costs) holding a fresh database per server, and fresh PGlite folders.
import postgres from 'postgres';
import { startPostgres } from '../../../../scripts/postgres.mjs';
import { atExit, tempDir } from './procs.mjs';

const PORT = Number(process.env.BENCH_PG_PORT ?? 54450);
let cluster;
let admin;
let n = 0;

/** The cluster, started on first use; null when PostgreSQL is not installed. */
async function clusterOf() {
  if (cluster !== undefined) return cluster;
  cluster = startPostgres(PORT, { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' });
  if (!cluster) return null;
  atExit(() => cluster.stop());
  admin = postgres(cluster.url, { max: 2, onnotice: () => {} });
  atExit(() => void admin.end({ timeout: 0 }));
  await admin`create extension if not exists pg_stat_statements`;
  return cluster;
}

/** The cluster's URL (its `postgres` database), for the other benchmark scripts; undefined without one. */
export const clusterUrl = () => cluster?.url;

/** The databases to run on: PostgreSQL when installed, then PGlite (BENCH_DB=postgres|pglite picks one). */
export async function databases() {
  const want = process.env.BENCH_DB;
  const list = [];
  if (want !== 'pglite' && (await clusterOf())) list.push('PostgreSQL');
  if (want !== 'postgres') list.push('PGlite');
  return list;
}

/**
 * A fresh database: `env` for a server, and on PostgreSQL `ballots(poll)` (the voters stored) and
 * `stats()` (statements and explicit transactions so far, from pg_stat_statements).
 */
export async function freshDb(name) {
  if (name === 'PGlite') return { name, env: { KOLO_DATA_DIR: tempDir('kolo-bench-') } };
  const c = await clusterOf();
  const db = `bench_${process.pid}_${++n}`;
  await admin.unsafe(`create database ${db}`);
  const url = new URL(c.url);
  url.pathname = `/${db}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  atExit(() => void sql.end({ timeout: 0 }));
  return {
    name,
    db,
    sql,
    env: { DATABASE_URL: url.toString() },
    ballots: async (poll) => new Set((await sql`select voter from kolo_ballots where kind = 'poll' and widget = ${poll}`).map((r) => r.voter)),
    async stats(settle = true) {
      // after a run, the requests still in flight when it ended finish first
      if (settle) await new Promise((r) => setTimeout(r, 1000));
      const [s] = await admin`select coalesce(sum(calls), 0)::float8 as statements, coalesce(sum(calls) filter (where query ~* '^\\s*begin'), 0)::float8 as transactions
        from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ${db}`;
      return s;
    },
  };
}

/** Statements and explicit transactions (BEGIN … COMMIT) per vote between two `stats()`. */
export const perVote = (before, after, votes) =>
  before && after && votes ? { statements: (after.statements - before.statements) / votes, transactions: (after.transactions - before.transactions) / votes } : undefined;
