/**
 * `kolo-server export [file]` and `kolo-server import <file>`: every row of Kolo's tables as JSON
 * Lines, read from one database and written into another (`DATABASE_URL`, or PGlite in
 * `KOLO_DATA_DIR`): to move from PGlite to PostgreSQL, or keep a copy that any Kolo of the same schema
 * version reads. The first line says what the file is (`{ "kolo": "export", "schema": N, … }`), then
 * one `{ "table", "row" }` per row, the row an array of its columns' values as PostgreSQL writes them
 * in text (so every type, and a JSON `null` apart from SQL's NULL, comes back as it was). Rows are read in one repeatable-read transaction (a consistent
 * copy of a running PostgreSQL; a PGlite folder must not be in use by a server). Import migrates the
 * target first, refuses a file of another schema version, and skips rows the target already has (by
 * primary key), so running it twice changes nothing. Derived tables (search text, versions) are
 * rebuilt by the database, not copied.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { migrate, migrations } from '../db/migrate.ts';
import type { Db, Queryable } from '../db/types.ts';
import { VERSION } from '../version.ts';
import { databaseFromEnv } from './database.ts';
import type { CommandIo } from './io.ts';

/** Kept up by triggers or by the migrations: never copied. */
const DERIVED = new Set(['kolo_migrations', 'kolo_idea_text', 'kolo_versions']);
const BATCH = 500;

const schemaVersion = () => Math.max(...migrations().map((m) => m.version));

/** Kolo's tables in the database, names checked (the import's SQL names them). */
async function tables(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name like 'kolo\\_%' order by 1");
  return rows.map((r) => r.t).filter((t) => /^kolo_[a-z_]+$/.test(t) && !DERIVED.has(t));
}

type Column = { name: string; type: string };

/** A table's columns in order, with their types as SQL writes them (`timestamp with time zone`, `text[]`). */
async function columns(q: Queryable, table: string): Promise<Column[]> {
  const rows = await q.query<Column>('select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped order by a.attnum', [table]);
  for (const c of rows) if (!/^[a-z_][a-z0-9_]*$/.test(c.name) || !/^[a-z0-9 _[\](),]+$/.test(c.type)) throw new Error(`${table}: unexpected column ${c.name} ${c.type}`);
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
    await write(out, JSON.stringify({ kolo: 'export', version: VERSION, schema: schemaVersion(), at: new Date().toISOString() }));
    for (const table of await tables(tx)) {
      counts[table] = 0;
      const cols = await columns(tx, table);
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

/** Read an export into `db`; how many rows each table took (rows it had already are skipped). */
export async function importRows(db: Db, lines: AsyncIterable<string>): Promise<Record<string, number>> {
  // iterate at once: a readline interface reads on, and drops the lines no iterator is waiting for yet
  const iterator = lines[Symbol.asyncIterator]();
  await migrate(db);
  const known = new Set(await tables(db));
  const added: Record<string, number> = {};
  const pending = new Map<string, unknown[]>();
  const flush = async (table: string) => {
    const rows = pending.get(table) ?? [];
    pending.delete(table);
    if (!rows.length) return;
    const cols = await columns(db, table);
    if (rows.some((r) => (r as unknown[]).length !== cols.length)) throw new Error(`${table}: the export's rows do not have this table's ${cols.length} columns`);
    const values = cols.map((c, i) => `(e.r->>${i})::${c.type}`).join(', ');
    const r = await db.query<{ n: number }>(
      `with added as (insert into ${table} (${cols.map((c) => c.name).join(', ')}) select ${values} from json_array_elements($1::json) as e(r) on conflict do nothing returning 1) select count(*)::int as n from added`,
      [JSON.stringify(rows)],
    );
    added[table] = (added[table] ?? 0) + Number(r[0]?.n ?? 0);
  };
  let first = true;
  let n = 0;
  for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
    n++;
    if (!line.trim()) continue;
    const item = JSON.parse(line) as { kolo?: string; schema?: number; table?: string; row?: unknown };
    if (first) {
      first = false;
      if (item.kolo !== 'export') throw new Error('not a Kolo export (its first line says what it is)');
      if (item.schema !== schemaVersion()) throw new Error(`the export is of schema version ${item.schema}, this server's is ${schemaVersion()}: import it with the Kolo version that made it`);
      continue;
    }
    if (!item.table || !known.has(item.table) || !Array.isArray(item.row)) throw new Error(`line ${n}: not a row of a Kolo table`);
    const list = pending.get(item.table) ?? pending.set(item.table, []).get(item.table)!;
    list.push(item.row);
    if (list.length >= BATCH) await flush(item.table);
  }
  if (first) throw new Error('the file is empty');
  for (const table of [...pending.keys()]) await flush(table);
  // serial columns continue after the rows brought in
  const serials = await db.query<{ t: string; c: string }>("select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and table_name like 'kolo\\_%' and column_default like 'nextval(%'");
  for (const s of serials.filter((x) => known.has(x.t) && /^[a-z_]+$/.test(x.c))) {
    await db.query(`select setval(pg_get_serial_sequence('${s.t}', '${s.c}'), greatest(coalesce((select max(${s.c}) from ${s.t}), 0), 1))`);
  }
  return added;
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
    print('usage: kolo-server import <file>   (- : standard input)');
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
