/**
 * The audit log: every change made through the admin API, who made it (a token's name, never the
 * token), when, what (action and target) and the target's state before and after, as JSON. Kept for
 * `KOLO_AUDIT_DAYS` days (default 400), pruned with the other retention (../actions/limits.ts).
 */
import { TEAM_LIMITS } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { iso, json } from '../db/values.ts';
import { toCsv } from './csv.ts';
import type { Member } from './tokens.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** Record one change. */
export async function record(db: Db, who: Member, action: string, target: string, before: unknown, after: unknown) {
  await db.query('insert into kolo_audit (actor, role, action, target, before, after) values ($1, $2, $3, $4, $5, $6)', [
    who.name,
    who.role,
    action,
    target,
    before === undefined ? null : JSON.stringify(before),
    after === undefined ? null : JSON.stringify(after),
  ]);
}

const entry = (r: Record<string, unknown>): AuditEntry => ({
  id: Number(r.id),
  at: iso(r.at),
  actor: String(r.actor),
  role: String(r.role),
  action: String(r.action),
  target: String(r.target),
  before: json(r.before) ?? null,
  after: json(r.after) ?? null,
});

const select = 'select id, at, actor, role, action, target, before, after from kolo_audit';

/** A page of entries, newest first, older than `before` (an entry's id); `next` is the next page's `before`. */
export async function auditPage(db: Db, limit: number, before?: number): Promise<{ entries: AuditEntry[]; next?: number }> {
  const n = Math.min(limit, TEAM_LIMITS.auditPage);
  const rows = await db.query(`${select} where ($1::bigint is null or id < $1) order by id desc limit $2`, [before ?? null, n + 1]);
  const entries = rows.slice(0, n).map(entry);
  return { entries, ...(rows.length > n ? { next: entries[entries.length - 1]!.id } : {}) };
}

/** The newest entries (at most `TEAM_LIMITS.auditExport`) as CSV, newest first. */
export async function auditCsv(db: Db): Promise<string> {
  const rows = (await db.query(`${select} order by id desc limit $1`, [TEAM_LIMITS.auditExport])).map(entry);
  const text = (v: unknown) => (v === null ? '' : JSON.stringify(v));
  return toCsv(
    ['at', 'actor', 'role', 'action', 'target', 'before', 'after'],
    rows.map((e) => [e.at, e.actor, e.role, e.action, e.target, text(e.before), text(e.after)]),
  );
}

/** Bounded retention: entries, and revoked tokens, older than `days`. */
export async function expireAudit(db: Db, days = 400) {
  await db.query('delete from kolo_audit where at < now() - make_interval(days => $1)', [days]);
  await db.query('delete from kolo_admin_tokens where revoked_at < now() - make_interval(days => $1)', [days]);
}
