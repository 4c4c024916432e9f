/**
 * `kolo-server migrate`: apply the migrations this version ships to the database (`DATABASE_URL` or
 * PGlite in `KOLO_DATA_DIR`) and exit, e.g. before starting new instances in a deployment. The server
 * also migrates at start; this lets a deployment do it once, as its own step. `--status` only reports.
 */
import { latestVersion, migrate } from '../db/migrate.ts';
import { databaseFromEnv } from './database.ts';
import type { CommandIo } from './io.ts';

export async function migrateCommand(args: string[], { env = process.env, print = console.log }: CommandIo = {}): Promise<number> {
  const status = args.includes('--status');
  const unknown = args.find((a) => a !== '--status');
  if (unknown) {
    print(`kolo-server migrate: unknown argument ${unknown}\nusage: kolo-server migrate [--status]`);
    return 2;
  }
  const { db, where } = await databaseFromEnv(env);
  try {
    const latest = latestVersion();
    if (status) {
      const [table] = await db.query<{ t: string | null }>("select to_regclass('kolo_migrations')::text as t");
      const at = table?.t ? Number((await db.query<{ v: number | null }>('select max(version) as v from kolo_migrations'))[0]?.v ?? 0) : 0;
      print(`kolo-server migrate: ${where} is at version ${at}; this server's latest is ${latest}${at < latest ? ' (run `kolo-server migrate`)' : ''}`);
      return at < latest ? 1 : 0;
    }
    const applied = await migrate(db);
    print(`kolo-server migrate: ${where}: ${applied.length ? `applied ${applied.join(', ')}` : 'nothing to apply'}; at version ${latest}`);
    return 0;
  } finally {
    await db.close();
  }
}
