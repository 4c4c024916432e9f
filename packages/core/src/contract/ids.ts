/** The shapes of ids and dates on the wire: one rule each. */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';

const ID_RULE = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u;

/** A widget, option, question or category id: what authors type in `poll-id` and `data-value`. */
export const idSchema = z.string().check(
  z.minLength(1, 'is required'),
  z.maxLength(LIMITS.id, `must be at most ${LIMITS.id} characters`),
  z.regex(ID_RULE, 'may hold only letters, digits, "-", "_", "." and ":"'),
);

/** An action's idempotency key (the same key is applied once); an idea's id is its submission's key. */
export const keySchema = z.string().check(z.minLength(1, 'is required'), z.maxLength(LIMITS.key, `must be at most ${LIMITS.key} characters`));

/** The anonymous, stable per-browser voter id. */
export const voterSchema = z.string().check(z.minLength(1, 'is required'), z.maxLength(LIMITS.voter, `must be at most ${LIMITS.voter} characters`));

/** An ISO date-time (or a date). */
export const dateTimeSchema = z.string().check(
  z.maxLength(LIMITS.dateTime, `must be at most ${LIMITS.dateTime} characters`),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date such as 2026-12-31 or 2026-12-31T18:00:00Z'),
);
