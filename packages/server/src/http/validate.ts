/** Request validation: a parsed value, or the 400 answer naming the field and the rule. */
import type { Context } from 'hono';
import type * as z from 'zod';
import { fail, invalid, statusOf } from './errors.ts';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The parsed JSON body, or a 400 answer. */
export async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return fail(c, 'invalid', '(body): not valid JSON', { field: '(body)', rule: 'json' });
  }
  return params(c, schema, raw);
}

/** Route parameters or a query, parsed, or a 400 answer. */
export function params<T extends z.ZodType>(c: Context, schema: T, value: unknown): z.infer<T> | Response {
  const r = schema.safeParse(value);
  return r.success ? r.data : c.json(invalid(r.error), statusOf('invalid') as ContentfulStatusCode);
}

export const isResponse = (v: unknown): v is Response => v instanceof Response;
