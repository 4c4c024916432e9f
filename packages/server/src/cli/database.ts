/** The database a command works on, as the server would open it (db/open.ts), and its name for the report. */
import { databaseFromEnv as choiceFromEnv, databaseName, openDatabase } from '../db/open.ts';
import type { Db } from '../db/types.ts';

export async function databaseFromEnv(env: NodeJS.ProcessEnv): Promise<{ db: Db; where: string }> {
  const choice = choiceFromEnv(env);
  return { db: await openDatabase(choice, 2), where: databaseName(choice) };
}
