/** The team's requests (the server's admin API, used by the team console). */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { dateTimeSchema, idSchema } from './ids.ts';
import { keySchema, storableJson, intBetween, wireText } from './keys.ts';
import { decisionSchema, widgetRefSchema } from './actions.ts';
import { ideaStatusSchema } from './views.ts';
import { BOARD_KINDS } from './widgets.ts';

const upTo = (max: number) => wireText(max);

/** A widget in a path: `/…/:kind/:id`. */
export const widgetParamsSchema = widgetRefSchema;
/** A board in a path: `/…/:kind/:board`. */
export const boardParamsSchema = z.object({ kind: z.enum(BOARD_KINDS), board: idSchema });

/** `POST /v1/admin/ideas/:kind/:board/:idea`: a moderator's decision. */
export const moderateBodySchema = decisionSchema;
/** `POST …/merge`: merge an idea into another one. */
export const mergeBodySchema = z.object({ into: keySchema });
/** `PUT /v1/admin/widgets/:kind/:id`: a widget's rules (checked against its kind's schema) and slow mode. */
export const widgetSettingsSchema = z.object({
  rules: z.optional(z.record(z.string(), z.unknown()).check(storableJson)),
  slowSeconds: z.optional(intBetween(0, LIMITS.slowSeconds)),
});
export const BAN_TYPES = ['voter', 'ip'] as const;
/** `POST /v1/admin/bans`: ban a voter id or an IP address (by its hash). */
export const banSchema = z.object({
  type: z.enum(BAN_TYPES),
  value: wireText(LIMITS.banValue, 1),
  reason: z.optional(upTo(LIMITS.banReason)),
  until: z.optional(dateTimeSchema),
});
/** `DELETE /v1/admin/bans/:type/:value`. */
export const banParamsSchema = z.object({ type: z.enum(BAN_TYPES), value: wireText(LIMITS.banValue, 1) });
/** `PUT /v1/admin/stop-words/:lang`. */
export const stopWordsSchema = z.object({ words: z.array(wireText(LIMITS.stopWord, 1)).check(z.maxLength(LIMITS.stopWords)) });

/** A published idea to start a board with (demo data, an import); `firstResponseAt` counts in a server's metrics. */
export const seedIdeaSchema = z.object({
  id: keySchema,
  title: wireText(LIMITS.boardTitleMax, 1),
  details: z.optional(upTo(LIMITS.boardDetailsMax)),
  category: z.optional(upTo(LIMITS.id)),
  status: ideaStatusSchema,
  createdAt: dateTimeSchema,
  answer: z.optional(upTo(LIMITS.answer)),
  link: z.optional(upTo(LIMITS.link)),
  reason: z.optional(upTo(LIMITS.reason)),
  firstResponseAt: z.optional(dateTimeSchema),
});
export type SeedIdea = z.infer<typeof seedIdeaSchema>;

/** `POST /v1/admin/seed`: starting numbers (and ideas) for a widget nobody has used yet. */
export const seedSchema = z.object({
  ...widgetRefSchema.shape,
  /** the widget's rules, registered with its starting numbers (checked against its kind's schema) */
  rules: z.optional(z.record(z.string(), z.unknown()).check(storableJson)),
  counts: z._default(z.record(idSchema, intBetween(0, Number.MAX_SAFE_INTEGER)), {}),
  voters: z.optional(intBetween(0, Number.MAX_SAFE_INTEGER)),
  ideas: z.optional(z.array(seedIdeaSchema).check(z.maxLength(LIMITS.seedIdeas))),
});
export type SeedInput = z.input<typeof seedSchema>;

/**
 * `POST /v1/admin/ideas/:kind/:board/import`: a batch of a big board's published ideas, each with its
 * upvotes; an idea whose id the board has is left as it is, so a batch may be sent again.
 */
export const importBodySchema = z.object({
  ideas: z.array(z.object({ ...seedIdeaSchema.shape, votes: z._default(intBetween(0, 2 ** 31 - 1), 0) })).check(z.minLength(1), z.maxLength(LIMITS.importIdeas)),
});
export type ImportIdea = z.infer<typeof importBodySchema>['ideas'][number];

/** An IANA time zone name (`Europe/Kyiv`), one this runtime knows. */
export const timeZoneSchema = z.string().check(
  z.maxLength(60),
  z.refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Kyiv'),
);

/** `GET /v1/admin/metrics?from&to&tz&target&work&asOf`. */
export const metricsQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  tz: z._default(timeZoneSchema, 'UTC'),
  /** the answer target in hours */
  target: z._default(z.pipe(z.string().check(z.regex(/^\d{1,5}(\.\d+)?$/, 'a number of hours')), z.transform(Number)), 2),
  /** working days and hours, e.g. "1-5,9-18" (Monday to Friday, 9:00 to 18:00); empty for wall-clock hours */
  work: z.optional(z.string().check(z.regex(/^(([1-7])-([1-7]),(\d{1,2})-(\d{1,2})|team)$/, 'days-days,hour-hour such as 1-5,9-18, or team (the service settings)'))),
  /** the time return after 7 and 30 days is measured at (whose first action is N days old by then); default now */
  asOf: z.optional(z.iso.datetime({ offset: true })),
});
