/** The team: named admin tokens with a role, and the audit log of what they did (the admin API's `/tokens`, `/audit`, `/me`). */
import * as z from 'zod/mini';
import { wireText } from './keys.ts';

/** owner: everything; moderator: the queue, ideas, bans, stop words; analyst: metrics and exports, read-only. */
export const ROLES = ['owner', 'moderator', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do, from least to most: a role may do what any role before it may. */
export const roleAllows = (held: Role, needed: Role): boolean => ROLES.indexOf(held) <= ROLES.indexOf(needed);

export const TEAM_LIMITS = {
  /** a token's name */
  tokenName: 60,
  /** live (not revoked) named tokens at once */
  tokens: 100,
  /** audit entries per page, at most */
  auditPage: 200,
  /** audit entries in one CSV export, at most (the newest) */
  auditExport: 50_000,
} as const;

/** `POST /v1/admin/tokens`: a new named token with a role. */
export const tokenCreateSchema = z.object({ name: wireText(TEAM_LIMITS.tokenName, 1), role: z.enum(ROLES) });
/** `DELETE /v1/admin/tokens/:id`. */
export const tokenParamsSchema = z.object({ id: z.string().check(z.regex(/^[0-9a-f]{16}$/, 'must be a token id (16 hex digits)')) });

/** A whole number from 1 to `max` in a query. */
export const positiveQuery = (max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{1,16}$/, 'must be a whole number')), z.transform(Number)),
    z.number().check(z.gte(1, 'must be at least 1'), z.lte(max, `must be at most ${max}`)),
  );

/** `GET /v1/admin/audit`: a page, newest first; `before` is the `next` of the page before. */
export const auditQuerySchema = z.object({
  limit: z._default(positiveQuery(TEAM_LIMITS.auditPage), 50),
  before: z.optional(positiveQuery(Number.MAX_SAFE_INTEGER)),
});
