/**
 * Every error the server answers, in one table: a KoloError's code (and reason) or the server's own
 * codes, to an HTTP status. Bodies are `{ error: { code, message, … } }`, JSON, never HTML.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { KoloError } from '@kolo/core';
import type * as z from 'zod';

/** Where a refusal is answered: the public protocol, or the admin API. */
export type Scope = 'public' | 'admin';

/** `scope:code/reason`, `code/reason`, `scope:code`, `code`: the first key found gives the status. */
const STATUS: Record<string, number> = {
  invalid: 400, // a request that does not match its schema, names the field and the rule
  unauthorized: 401, // the admin API without the bearer token
  'rejected/banned': 403,
  'not-found': 404, // no such route
  'admin:rejected/not-found': 404, // the team acted on an idea that is not there (the public protocol answers 409)
  rejected: 409, // the rules said no: `reason` says which
  'too-large': 413,
  'rate-limited': 429, // with `retryAfter` and a Retry-After header
  internal: 500,
};

/** The status of an error; `otherwise` when the table does not list it. */
export function statusOf(code: string, reason = '', scope: Scope = 'public', otherwise = 500): number {
  const keys = [`${scope}:${code}/${reason}`, `${code}/${reason}`, `${scope}:${code}`, code];
  for (const key of keys) if (Object.hasOwn(STATUS, key)) return STATUS[key]!;
  return otherwise;
}

/** An error body. */
export const problem = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });

/** Answer an error with the status the table gives its code. */
export const fail = (c: Context, code: string, message: string, extra: Record<string, unknown> = {}) =>
  c.json(problem(code, message, extra), statusOf(code) as ContentfulStatusCode);

/** Answer with a status and body already decided (a refusal, a stored answer). */
export const answer = (c: Context, a: Answered) => c.json(a.body as object, a.status as ContentfulStatusCode);

export interface Answered {
  status: number;
  body: unknown;
}

/** A refusal by the rules (a KoloError, 409 unless the table says otherwise), as status and body. */
export const refusal = (e: KoloError, scope: Scope = 'public'): Answered => ({
  status: statusOf(e.code, e.reason, scope, 409),
  body: { error: { code: e.code, reason: e.reason, message: e.message, ...(e.retryAfter ? { retryAfter: e.retryAfter } : {}) } },
});

/** A 400 body: the first problem's field and rule, and all problems. */
export function invalid(error: z.ZodError) {
  const issues = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', rule: i.code, message: i.message }));
  return { error: { code: 'invalid', field: issues[0]!.field, rule: issues[0]!.rule, message: `${issues[0]!.field}: ${issues[0]!.message}`, issues } };
}
