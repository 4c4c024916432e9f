/** How the admin API answers: a change done (or its refusal), a CSV file. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { KoloError } from '@kolo/core';
import { answer, refusal } from './errors.ts';

/** `{ ok: true }` (or `show` of what `fn` gives) once `fn` is done, or its refusal (a missing idea is 404 here). */
export async function done<T>(c: Context, fn: () => Promise<T>, show: (r: T) => object = () => ({ ok: true }), status: ContentfulStatusCode = 200) {
  try {
    return c.json(show(await fn()), status);
  } catch (e) {
    if (!(e instanceof KoloError) || e.code !== 'rejected') throw e;
    return answer(c, refusal(e));
  }
}

export const attachment = (c: Context, name: string, csv: string) =>
  c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
