/** Request validation with the contract's schemas: a parsed value, or the 400 answer naming the field and the rule. */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { rulesSchemaOf, type WidgetKind, type WidgetRules } from '@kolo/core';
import { answer, fail, invalid } from './errors.ts';

/** The parsed JSON body, or a 400 answer. */
export async function body<T extends z.ZodMiniType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return fail(c, 'invalid', '(body): not valid JSON', { field: '(body)', rule: 'json' });
  }
  return params(c, schema, raw);
}

/** Route parameters or a query, parsed, or a 400 answer. */
export function params<T extends z.ZodMiniType>(c: Context, schema: T, value: unknown): z.infer<T> | Response {
  const r = schema.safeParse(value);
  return r.success ? (r.data as z.infer<T>) : answer(c, invalid(r.error.issues));
}

export const isResponse = (v: unknown): v is Response => v instanceof Response;

/** A widget's rules checked against its kind's schema (errors name `rules.…`), or a 400 answer. */
export function rules(c: Context, kind: WidgetKind, raw: unknown): WidgetRules | undefined | Response {
  if (raw === undefined) return undefined;
  const r = params(c, z.object({ rules: rulesSchemaOf(kind) }), { rules: raw });
  return isResponse(r) ? r : (r.rules as WidgetRules);
}
