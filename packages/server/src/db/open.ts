/** Which database a server or a `kolo-server` command opens, and opening it: PostgreSQL at `DATABASE_URL`, else PGlite in a folder. */
import { postgresDb } from './postgres.ts';
import type { Db } from './types.ts';

export interface DatabaseChoice {
  /** PostgreSQL URL; without it, PGlite in `dataDir` (or in memory when that is empty) */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}

/** The choice from the environment: `DATABASE_URL`, else PGlite in `KOLO_DATA_DIR` (default `.kolo-data`). */
export function databaseFromEnv(env: NodeJS.ProcessEnv): DatabaseChoice {
  return { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.KOLO_DATA_DIR || (env.DATABASE_URL ? undefined : '.kolo-data') };
}

/** Open the chosen database; `pool` connections on PostgreSQL. PGlite's module is loaded only when it is the database. */
export async function openDatabase(choice: DatabaseChoice, pool: number): Promise<Db> {
  if (choice.databaseUrl) return postgresDb(choice.databaseUrl, pool);
  return (await import('./pglite.ts')).pgliteDb(choice.dataDir);
}

/** The database in words, without a password: `PostgreSQL host/name`, `PGlite in dir`. */
export function databaseName(choice: DatabaseChoice): string {
  if (!choice.databaseUrl) return choice.dataDir ? `PGlite in ${choice.dataDir}` : 'PGlite in memory';
  const u = new URL(choice.databaseUrl);
  return `PostgreSQL ${u.host}${u.pathname}`;
}
