/** The database a command works on, as the server would open it: `DATABASE_URL` (PostgreSQL), else PGlite in `KOLO_DATA_DIR` (default `.kolo-data`). */
import { postgresDb } from '../db/postgres.ts';
import type { Db } from '../db/types.ts';

export async function databaseFromEnv(env: NodeJS.ProcessEnv): Promise<{ db: Db; where: string }> {
  if (env.DATABASE_URL) {
    // the address without its password, for the report
    const u = new URL(env.DATABASE_URL);
    u.password = '';
    return { db: postgresDb(env.DATABASE_URL, 2), where: `PostgreSQL ${u.host}${u.pathname}` };
  }
  const dir = env.KOLO_DATA_DIR || '.kolo-data';
  const { pgliteDb } = await import('../db/pglite.ts');
  return { db: await pgliteDb(dir), where: `PGlite in ${dir}` };
}
