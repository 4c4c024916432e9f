/**
 * `/v1/health`: the process is alive (no database work, for a liveness probe that restarts a stuck
 * process). `/v1/ready`: the server can answer (the database answers within `timeoutMs` and every
 * migration this version ships is applied), with the version; 503 when not, for a readiness probe
 * or a load balancer's health check.
 */
import { Hono } from 'hono';
import type { Db } from '../db/types.ts';
import { latestVersion } from '../db/migrate.ts';
import { VERSION } from '../version.ts';

export interface Readiness {
  ok: boolean;
  version: string;
  database: { driver: Db['driver']; reachable: boolean; error?: string };
  migrations: { applied: number; expected: number };
}

/** Whether `db` answers and is migrated to the latest version this server knows. */
export async function readiness(db: Db, timeoutMs = 2000): Promise<Readiness> {
  const expected = latestVersion();
  const base = { version: VERSION, migrations: { applied: 0, expected } };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)));
    const rows = await Promise.race([db.query<{ v: number | null }>('select max(version) as v from kolo_migrations'), late]);
    const applied = Number(rows[0]?.v ?? 0);
    return { ...base, ok: applied >= expected, database: { driver: db.driver, reachable: true }, migrations: { applied, expected } };
  } catch (e) {
    // the error's name and code only: a driver's message may hold the connection's host or user
    const f = e as { name?: string; code?: string };
    return { ...base, ok: false, database: { driver: db.driver, reachable: false, error: [f.name, f.code].filter(Boolean).join(' ') || 'error' } };
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(db: Db) {
  const app = new Hono();
  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/ready', async (c) => {
    const r = await readiness(db);
    c.header('Cache-Control', 'no-store');
    return c.json(r, r.ok ? 200 : 503);
  });
  return app;
}
