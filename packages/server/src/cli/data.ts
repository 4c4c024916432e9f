/**
 * `kolo-server export [file]` and `kolo-server import <file>`: every row of Kolo's tables as JSON
 * Lines, read from one database and written into another (`DATABASE_URL`, or PGlite in
 * `KOLO_DATA_DIR`): to move from PGlite to PostgreSQL, or keep a copy that any Kolo of the same schema
 * version reads. The first line says what the file is (`{ "kolo": "export", "schema": N, … }`); then,
 * for each table, `{ "table", "columns" }` naming its columns, and one `{ "table", "row" }` per row,
 * the row an array of those columns' values as PostgreSQL writes them in text (so every type, and a
 * JSON `null` apart from SQL's NULL, comes back as it was). Rows are read in one repeatable-read
 * transaction (a consistent copy of a running PostgreSQL; a PGlite folder must not be in use by a
 * server). Import migrates the target first, refuses a file of another schema version, and writes
 * every row in one transaction into a database whose tables are empty: it refuses one that holds
 * rows (merging two databases' sharded counts and ballots is not something a row copy can do), and a
 * bad line leaves the target as it was. Columns are matched by name. Derived tables (search text,
 * versions) are rebuilt by the database, not copied.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { latestVersion, migrate } from '../db/migrate.ts';
import type { Db, Queryable } from '../db/types.ts';
import { VERSION } from '../version.ts';
import { databaseFromEnv } from './database.ts';
import type { CommandIo } from './io.ts';

/** Kept up by triggers or by the migrations: never copied. */
const DERIVED = new Set(['kolo_migrations', 'kolo_idea_text', 'kolo_versions']);
const BATCH = 500;
/** a name the SQL below may write unquoted */
const NAME = /^[a-z_][a-z0-9_]*$/;

/** Kolo's tables in the database; throws on a name the SQL could not write as it is. */
async function tables(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name like 'kolo\\_%' order by 1");
  const names = rows.map((r) => r.t).filter((t) => !DERIVED.has(t));
  const odd = names.find((t) => !NAME.test(t));
  if (odd) throw new Error(`table ${JSON.stringify(odd)}: not a name Kolo gives its tables (lower-case letters, digits and _); rename or drop it`);
  return names;
}

type Column = { name: string; type: string };

/** A table's columns in order, with their types as SQL writes them (`timestamp with time zone`, `text[]`). */
async function columns(q: Queryable, table: string): Promise<Column[]> {
  const rows = await q.query<Column>('select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum', [table]);
  for (const c of rows) if (!NAME.test(c.name) || !/^[a-z0-9 _[\](),]+$/.test(c.type)) throw new Error(`${table}: unexpected column ${c.name} ${c.type}`);
  return rows;
}

async function write(out: Writable, line: string) {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
}

/** Write every row to `out`; how many. */
export async function exportRows(db: Db, out: Writable): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    if (db.driver === 'postgres') await tx.query('set transaction isolation level repeatable read');
    await write(out, JSON.stringify({ kolo: 'export', version: VERSION, schema: latestVersion(), at: new Date().toISOString() }));
    for (const table of await tables(tx)) {
      counts[table] = 0;
      const cols = await columns(tx, table);
      await write(out, JSON.stringify({ table, columns: cols.map((c) => c.name) }));
      await tx.query(`declare kolo_export no scroll cursor for select json_build_array(${cols.map((c) => `${c.name}::text`).join(', ')})::text as j from ${table}`);
      for (;;) {
        const rows = await tx.query<{ j: string }>(`fetch ${BATCH} from kolo_export`);
        for (const r of rows) await write(out, `{"table":"${table}","row":${r.j}}`);
        counts[table] += rows.length;
        if (rows.length < BATCH) break;
      }
      await tx.query('close kolo_export');
    }
  });
  return counts;
}

/** The statement inserting rows given as arrays of the file's `names` into `table`, matched by name. */
async function inserter(tx: Queryable, table: string, names: unknown): Promise<string> {
  if (!Array.isArray(names) || !names.length || names.some((n) => typeof n !== 'string')) throw new Error(`${table}: its columns line names no columns`);
  const cols = new Map((await columns(tx, table)).map((c) => [c.name, c.type]));
  const missing = names.find((n) => !cols.has(n));
  if (missing) throw new Error(`${table}: this database has no column ${JSON.stringify(missing)}`);
  if (new Set(names).size !== names.length) throw new Error(`${table}: its columns line names a column twice`);
  const values = names.map((n, i) => `(e.r->>${i})::${cols.get(n)}`).join(', ');
  return `insert into ${table} (${names.join(', ')}) select ${values} from json_array_elements($1::json) as e(r)`;
}

/** Lock the tables against writers; throws when one holds a row already. */
async function claimEmpty(tx: Queryable, known: string[]) {
  await tx.query(`lock table ${known.join(', ')} in share row exclusive mode`);
  const full: string[] = [];
  for (const t of known) if ((await tx.query(`select 1 from ${t} limit 1`)).length) full.push(t);
  if (full.length) throw new Error(`the database already holds rows (${full.map((t) => t.slice(5)).join(', ')}): import into an empty database; adding an export to a database in use would corrupt its counts, so it is refused`);
}

type Line = { kolo?: string; schema?: number; table?: string; columns?: unknown; row?: unknown };

/** The file's lines as objects, blank lines skipped, each with its number. */
function reader(lines: AsyncIterable<string>) {
  // iterate at once: a readline interface reads on, and drops the lines no iterator is waiting for yet
  const iterator = lines[Symbol.asyncIterator]();
  let n = 0;
  return async (): Promise<{ n: number; item: Line } | undefined> => {
    for (;;) {
      const r = await iterator.next();
      if (r.done) return undefined;
      n++;
      if (!r.value.trim()) continue;
      try {
        return { n, item: JSON.parse(r.value) as Line };
      } catch {
        throw new Error(`line ${n}: not JSON`);
      }
    }
  };
}

/** Read an export into `db`, whose tables must be empty, in one transaction; how many rows each table took. */
export async function importRows(db: Db, lines: AsyncIterable<string>): Promise<Record<string, number>> {
  const next = reader(lines);
  const head = (await next())?.item;
  if (!head) throw new Error('the file is empty');
  if (head.kolo !== 'export') throw new Error('not a Kolo export (its first line says what it is)');
  if (head.schema !== latestVersion()) throw new Error(`the export is of schema version ${head.schema}, this server's is ${latestVersion()}: import it with the Kolo version that made it`);
  await migrate(db);
  return db.transaction(async (tx) => {
    const known = await tables(tx);
    await claimEmpty(tx, known);
    const added: Record<string, number> = {};
    const insert = new Map<string, { sql: string; width: number; rows: unknown[] }>();
    const flush = async () => {
      for (const [table, t] of insert) {
        if (t.rows.length) await tx.query(t.sql, [JSON.stringify(t.rows)]);
        added[table] = (added[table] ?? 0) + t.rows.length;
        t.rows = [];
      }
    };
    for (let line; (line = await next()); ) {
      const { n, item } = line;
      const table = item.table && known.includes(item.table) ? item.table : undefined;
      if (!table) throw new Error(`line ${n}: not a row of a Kolo table of this database`);
      if ('columns' in item) {
        if (insert.has(table)) throw new Error(`line ${n}: ${table}'s columns a second time`);
        await flush();
        const sql = await inserter(tx, table, item.columns);
        insert.set(table, { sql, width: (item.columns as string[]).length, rows: [] });
        continue;
      }
      const t = insert.get(table);
      if (!t) throw new Error(`line ${n}: a row of ${table} before the line naming its columns`);
      if (!Array.isArray(item.row) || item.row.length !== t.width) throw new Error(`line ${n}: a row of ${table} with other than its ${t.width} columns`);
      t.rows.push(item.row);
      if (t.rows.length >= BATCH) await flush();
    }
    await flush();
    await continueSerials(tx, known);
    return added;
  });
}

/** Serial columns continue after the rows brought in. */
async function continueSerials(tx: Queryable, known: string[]) {
  const serials = await tx.query<{ t: string; c: string }>("select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and table_name like 'kolo\\_%' and column_default like 'nextval(%'");
  for (const s of serials.filter((x) => known.includes(x.t))) {
    if (!NAME.test(s.c)) throw new Error(`${s.t}: unexpected column ${s.c}`);
    await tx.query(`select setval(pg_get_serial_sequence('${s.t}', '${s.c}'), greatest(coalesce((select max(${s.c}) from ${s.t}), 0), 1))`);
  }
}

const summary = (counts: Record<string, number>) => Object.entries(counts).map(([t, n]) => `${t.slice(5)} ${n}`).join(', ') || 'nothing';

export async function exportCommand(args: string[], { env = process.env, print = (l: string) => console.error(l) }: CommandIo = {}): Promise<number> {
  if (args.length > 1 || args[0]?.startsWith('-')) {
    print('usage: kolo-server export [file]   (default: standard output)');
    return 2;
  }
  const { db, where } = await databaseFromEnv(env);
  const out = args[0] ? createWriteStream(args[0]) : process.stdout;
  try {
    const counts = await exportRows(db, out);
    print(`kolo-server export: ${where}: ${summary(counts)} rows`);
    return 0;
  } finally {
    if (out !== process.stdout) await new Promise<void>((r) => out.end(() => r()));
    await db.close();
  }
}

export async function importCommand(args: string[], { env = process.env, print = console.log }: CommandIo = {}): Promise<number> {
  if (args.length !== 1 || (args[0]!.startsWith('-') && args[0] !== '-')) {
    print('usage: kolo-server import <file>   (- : standard input; the database must hold no rows)');
    return 2;
  }
  const { db, where } = await databaseFromEnv(env);
  try {
    const input = args[0] === '-' ? process.stdin : createReadStream(args[0]!);
    const added = await importRows(db, createInterface({ input, crlfDelay: Infinity }));
    print(`kolo-server import: into ${where}: ${summary(added)} rows added`);
    return 0;
  } catch (e) {
    print(`kolo-server import: ${(e as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}
