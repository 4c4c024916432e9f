/** Bans of a voter id or an IP hash, with a reason and an end. */
import type { Db } from '../db/types.ts';
import { iso } from '../db/values.ts';

export interface Ban {
  type: string;
  value: string;
  reason?: string | undefined;
  until?: string | undefined;
}

export async function bans(db: Db) {
  const rows = await db.query('select type, value, reason, until from kolo_bans order by type, value');
  return rows.map((r) => ({ type: String(r.type), value: String(r.value), ...(r.reason ? { reason: String(r.reason) } : {}), ...(r.until ? { until: iso(r.until) } : {}) }));
}

export async function ban(db: Db, b: Ban) {
  await db.query('insert into kolo_bans (type, value, reason, until) values ($1, $2, $3, $4) on conflict (type, value) do update set reason = excluded.reason, until = excluded.until', [b.type, b.value, b.reason ?? null, b.until ?? null]);
}

export const unban = (db: Db, type: string, value: string) => db.query('delete from kolo_bans where type = $1 and value = $2', [type, value]);
