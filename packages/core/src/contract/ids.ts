/** The shapes of ids and dates, for authored content and the wire alike: one rule each. */
import * as z from 'zod/mini';
import { DATE_TIME_MAX, ID_MAX } from './limits.ts';

const ID_RULE = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u;

/** A widget, option, question or category id: what authors type in `poll-id` and `data-value`. */
export const idSchema = z.string().check(
  z.minLength(1, 'is required'),
  z.maxLength(ID_MAX, `must be at most ${ID_MAX} characters`),
  z.regex(ID_RULE, 'may hold only letters, digits, "-", "_", "." and ":"'),
);

/** An ISO date-time (or a date). */
export const dateTimeSchema = z.string().check(
  z.maxLength(DATE_TIME_MAX, `must be at most ${DATE_TIME_MAX} characters`),
  z.refine((s) => !Number.isNaN(Date.parse(s)), 'must be a date such as 2026-12-31 or 2026-12-31T18:00:00Z'),
);
