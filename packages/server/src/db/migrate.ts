/**
 * Versioned schema changes: `migrations/NNNN-name.sql`, applied in order at start-up, one
 * transaction each, under an advisory lock. The number is the version recorded in
 * `kolo_migrations`. Never edit a released migration: add the next file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from './types.ts';

const folder = new URL('./migrations/', import.meta.url);

export interface Migration {
  version: number;
  name: string;
  /** the statements, in order (whole-line `--` comments left out) */
  statements: string[];
}

/** The migration files, by version. */
export function migrations(): Migration[] {
  return readdirSync(folder)
    .filter((f) => /^\d{4}-[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ version: Number(name.slice(0, 4)), name, statements: statementsOf(readFileSync(new URL(name, folder), 'utf8')) }));
}

/** The version of the last migration this server ships: a database at it is current. */
export function latestVersion(): number {
  return Math.max(0, ...migrations().map((m) => m.version));
}

/** Split a migration into statements; its SQL has no `;` but between statements and inside `$$` bodies (functions). */
function statementsOf(sql: string): string[] {
  const text = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  const out: string[] = [];
  let current = '';
  text.split('$$').forEach((part, i) => {
    if (i % 2) {
      current += `$$${part}$$`;
      return;
    }
    const pieces = part.split(';');
    current += pieces[0];
    for (const p of pieces.slice(1)) {
      out.push(current);
      current = p;
    }
  });
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Apply the migrations this database lacks; safe when several servers start at once. */
export async function migrate(db: Db): Promise<number[]> {
  await db.query('create table if not exists kolo_migrations (version int primary key, applied_at timestamptz not null default now())');
  const applied: number[] = [];
  // what is applied already needs no lock (a start on a migrated database is one query here)
  const known = new Set((await db.query<{ version: number }>('select version from kolo_migrations')).map((r) => Number(r.version)));
  for (const m of migrations()) {
    if (known.has(m.version)) continue;
    const done = await db.transaction(async (tx) => {
      // one server migrates at a time; the others wait here and then find the version applied
      await tx.query('select pg_advisory_xact_lock(4242)');
      const rows = await tx.query('select 1 from kolo_migrations where version = $1', [m.version]);
      if (rows.length) return false;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('insert into kolo_migrations (version) values ($1)', [m.version]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
