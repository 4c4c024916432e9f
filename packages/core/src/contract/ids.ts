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

/** `2026-12-31`, `2026-12-31T18:00`, `2026-12-31T18:00:00.000Z`, `2026-12-31T18:00:00+02:00`. */
const ISO = /^(\d{4})-(\d\d)-(\d\d)(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;

/** A real ISO 8601 date or date-time from 1970 to 9999 (no `2026-02-30`, no `March 7`): what every database reads alike. */
export function isDateTime(s: string): boolean {
  const m = ISO.exec(s);
  if (!m || s.length > DATE_TIME_MAX || +m[1]! < 1970) return false;
  // the day exists in its month
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).getUTCDate() === +m[3]! && +m[2]! >= 1 && +m[2]! <= 12;
}

/** An ISO date-time (or a date). */
export const dateTimeSchema = z.string().check(z.refine(isDateTime, 'must be a date such as 2026-12-31 or 2026-12-31T18:00:00Z'));
