/**
 * The team's service level (`GET`/`PUT /v1/admin/service`): the reply target in working hours, and
 * when the team works. Every waiting idea or question is timed against it (the queue's clock,
 * `sla.breached`), and a board's "We usually reply within N hours" is counted in the same hours.
 */
import * as z from 'zod/mini';
import { timeZoneSchema } from './admin.ts';
import { intBetween } from './keys.ts';

export const serviceSchema = z
  .object({
    /** reply within this many working hours */
    targetHours: intBetween(1, 10_000),
    timeZone: timeZoneSchema,
    /** working days: 1 = Monday … 7 = Sunday, each once */
    days: z.array(intBetween(1, 7)).check(
      z.minLength(1),
      z.maxLength(7),
      z.refine((d) => new Set(d).size === d.length, 'each day once'),
    ),
    /** working hours of the day, local: start inclusive, end exclusive */
    start: intBetween(0, 23),
    end: intBetween(1, 24),
  })
  .check(z.refine((s) => s.start < s.end, { message: 'must be after start', path: ['end'] }));
export type Service = z.infer<typeof serviceSchema>;

/** Until the team says otherwise: 48 working hours, Monday to Friday, 9:00 to 17:00 UTC. */
export const DEFAULT_SERVICE: Service = { targetHours: 48, timeZone: 'UTC', days: [1, 2, 3, 4, 5], start: 9, end: 17 };
