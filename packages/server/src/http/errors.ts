/**
 * How the server answers what it refuses: the contract's table (`REASONS` in @kolo/core) gives each
 * reason its HTTP status, and every body is `{ error: { code, reason, message, … } }`, JSON, never HTML.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorAnswer, type ErrorBody, type KoloError } from '@kolo/core';

export interface Answered {
  status: number;
  body: unknown;
}

/** Answer with a status and body already decided (a refusal, a stored answer). */
export const answer = (c: Context, a: Answered) => c.json(a.body as object, a.status as ContentfulStatusCode);

/** Answer a refusal: the status the table gives `reason`. */
export const fail = (c: Context, reason: string, message: string, extra: Omit<ErrorBody['error'], 'code' | 'reason' | 'message'> = {}) =>
  answer(c, errorAnswer(reason, message, extra));

/** A KoloError from the rules, as status and body. */
export const refusal = (e: KoloError): Answered => errorAnswer(e.reason || 'internal', e.message, e.retryAfter ? { retryAfter: e.retryAfter } : {});

/** A request that breaks the contract: 400 naming the first wrong field and its rule, with every problem. */
export function invalid(issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[]): Answered {
  const all = issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', rule: i.code, message: i.message }));
  const first = all[0]!;
  return errorAnswer('invalid', `${first.field}: ${first.message}`, { field: first.field, rule: first.rule, issues: all });
}
