/** Free text, idempotency keys and voter ids on the wire (content never holds these). */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';

/** No NUL character and no unpaired surrogate: what PostgreSQL (text and jsonb) can keep as it is. */
export const storable = (s: string): boolean => !/[\0\ud800-\udfff]/u.test(s);
const STORABLE = 'must not hold NUL characters or unpaired surrogates';

/** Text on the wire: at most `max` characters, storable. */
export const wireText = (max: number, min = 0) =>
  z.string().check(z.minLength(min, 'is required'), z.maxLength(max, `must be at most ${max} characters`), z.refine(storable, STORABLE));

/** Any JSON value whose strings are all storable (a widget's settings). */
export const storableJson = z.refine((v: unknown) => !/\\u0000|\\ud[89a-f]/i.test(JSON.stringify(v) ?? ''), STORABLE);

/** An action's idempotency key (the same key is applied once); an idea's id is its submission's key. */
export const keySchema = wireText(LIMITS.key, 1);

/** The anonymous, stable per-browser voter id. */
export const voterSchema = wireText(LIMITS.voter, 1);

/** A whole number from `min` to `max`. */
export const intBetween = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));
