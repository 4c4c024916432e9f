/**
 * Named admin tokens: made here from 32 random bytes and shown once; only their SHA-256 is stored, so
 * the database never holds a token that works. A revoked token stops working at its next request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { TEAM_LIMITS, refuse, type Role } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { iso } from '../db/values.ts';

/** Who a request is: a token's name and role (the environment's token is the bootstrap owner). */
export interface Member {
  name: string;
  role: Role;
  /** the named token's id (none for the bootstrap owner) */
  id?: string;
}

/** The name the configured token (KOLO_ADMIN_TOKEN) goes by in the audit log: no named token may take it. */
export const BOOTSTRAP_NAME = 'owner (KOLO_ADMIN_TOKEN)';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A token as the team sees it: never the token, never its hash. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  lastUsedAt?: string;
}

const info = (r: Record<string, unknown>): TokenInfo => ({
  id: String(r.id),
  name: String(r.name),
  role: r.role as Role,
  createdAt: iso(r.created_at),
  ...(r.last_used_at ? { lastUsedAt: iso(r.last_used_at) } : {}),
});

/** The live tokens, oldest first. */
export async function tokens(db: Db): Promise<TokenInfo[]> {
  return (await db.query('select id, name, role, created_at, last_used_at from kolo_admin_tokens where revoked_at is null order by created_at, id')).map(info);
}

/** A live token by id (undefined when unknown or revoked). */
export async function tokenOf(db: Db, id: string): Promise<TokenInfo | undefined> {
  const [r] = await db.query('select id, name, role, created_at, last_used_at from kolo_admin_tokens where id = $1 and revoked_at is null', [id]);
  return r && info(r);
}

/** Make a token: its description, and the token itself (to be shown once). */
export async function createToken(db: Db, name: string, role: Role): Promise<TokenInfo & { token: string }> {
  if (name.trim() === BOOTSTRAP_NAME) refuse('name-taken', `"${BOOTSTRAP_NAME}" is the name of the configured token`);
  const token = `kolo_${randomBytes(32).toString('base64url')}`;
  const id = randomBytes(8).toString('hex');
  const [r] = await db.query(
    `insert into kolo_admin_tokens (id, name, role, hash)
     select $1, $2, $3, $4 where (select count(*) from kolo_admin_tokens where revoked_at is null) < $5
       and not exists (select 1 from kolo_admin_tokens where name = $2 and revoked_at is null)
     returning id, name, role, created_at, last_used_at`,
    [id, name.trim(), role, tokenHash(token), TEAM_LIMITS.tokens],
  );
  if (!r) refuse('name-taken', `a live token is named "${name.trim()}" already, or there are ${TEAM_LIMITS.tokens} live tokens`);
  return { ...info(r), token };
}

/** Revoke a token (refused when unknown or revoked already). */
export async function revokeToken(db: Db, id: string) {
  const rows = await db.query('update kolo_admin_tokens set revoked_at = now() where id = $1 and revoked_at is null returning id', [id]);
  if (!rows.length) refuse('not-found', `no live token "${id}"`);
}

/** Who holds `token`, when it is a live named token; its last use is noted (at most once a minute). */
export async function memberOf(db: Db, token: string): Promise<Member | undefined> {
  const [r] = await db.query<{ id: string; name: string; role: Role }>('select id, name, role from kolo_admin_tokens where hash = $1 and revoked_at is null', [tokenHash(token)]);
  if (!r) return undefined;
  await db.query(`update kolo_admin_tokens set last_used_at = now() where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`, [r.id]);
  return { id: String(r.id), name: String(r.name), role: r.role };
}
