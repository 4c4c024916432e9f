/**
 * What the HTTP protocol accepts, validated with zod: every field has a limit, and a refusal names
 * the field and the rule.
 */
import * as z from 'zod';

const id = z.string().min(1).max(200).regex(/^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u, 'letters, digits, "-", "_", "." and ":" only');
const voter = z.string().min(1).max(100);
const key = z.string().min(1).max(200);
const choice = z.string().min(1).max(200);
const when = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'a date-time');
const widget = z.object({ kind: z.enum(['poll', 'choice', 'reactions', 'quiz', 'faq', 'ideas', 'questions']), id });
const base = { id: key, voter, widget, at: when };

export const voteActionSchema = z.object({
  ...base,
  type: z.literal('vote'),
  choices: z.array(choice).max(60),
  policy: z.object({
    options: z.array(choice).min(1).max(100),
    multiple: z.boolean(),
    max: z.number().int().min(1).max(100).optional(),
    change: z.boolean(),
    closesAt: when.optional(),
  }),
});

export const answerActionSchema = z.object({
  ...base,
  type: z.literal('answer'),
  question: id,
  choices: z.array(choice).min(1).max(20),
  policy: z.object({ options: z.array(choice).min(2).max(20), multiple: z.boolean() }),
  key: z.array(choice).max(20).optional(),
});

export const ideaActionSchema = z.object({
  ...base,
  type: z.literal('idea'),
  idea: z.object({
    title: z.string().max(1000),
    details: z.string().max(20000).optional(),
    category: z.string().max(200).optional(),
    contact: z.string().max(300).optional(),
  }),
  honeypot: z.string().max(1000),
  startedAt: when,
  policy: z.object({
    moderated: z.boolean(),
    minFillMs: z.number().int().min(0).max(3_600_000),
    maxPerDay: z.number().int().min(1).max(1000),
    titleMin: z.number().int().min(1).max(300),
    titleMax: z.number().int().min(1).max(300),
    detailsMax: z.number().int().min(0).max(10000),
    categories: z.array(id).max(30),
  }),
});

export const upvoteActionSchema = z.object({ ...base, type: z.literal('upvote'), idea: key, on: z.boolean() });

export const actionSchema = z.discriminatedUnion('type', [voteActionSchema, answerActionSchema, ideaActionSchema, upvoteActionSchema]);
export type ServerAction = z.infer<typeof actionSchema>;

export const signalsSchema = z.object({
  signals: z
    .array(
      z.object({
        type: z.enum(['view', 'interact', 'submit', 'next-step', 'dismiss', 'snooze']),
        widget: z.object({ kind: z.string().min(1).max(40), id }),
        voter,
        at: when,
        data: z.record(z.string().max(60), z.union([z.string().max(500), z.number(), z.boolean()])).optional(),
      }),
    )
    .min(1)
    .max(100),
});

export const moderateSchema = z.object({
  status: z.enum(['pending', 'rejected', 'review', 'planned', 'progress', 'done', 'declined']),
  answer: z.string().max(5000).optional(),
  link: z.string().max(2000).optional(),
  reason: z.string().max(2000).optional(),
});
export const mergeSchema = z.object({ into: key });
export const widgetSettingsSchema = z.object({
  config: z.record(z.string(), z.unknown()).optional(),
  slowSeconds: z.number().int().min(0).max(86400).optional(),
});
export const banSchema = z.object({ type: z.enum(['voter', 'ip']), value: z.string().min(1).max(200), reason: z.string().max(500).optional(), until: when.optional() });
export const stopWordsSchema = z.object({ words: z.array(z.string().min(1).max(60)).max(5000) });
export const seedSchema = z.object({
  kind: widget.shape.kind,
  id,
  counts: z.record(choice, z.number().int().min(0)).default({}),
  voters: z.number().int().min(0).optional(),
  ideas: z
    .array(
      z.object({
        id: key,
        title: z.string().min(1).max(300),
        details: z.string().max(10000).optional(),
        category: z.string().max(200).optional(),
        status: moderateSchema.shape.status,
        createdAt: when,
        answer: z.string().max(5000).optional(),
        link: z.string().max(2000).optional(),
        reason: z.string().max(2000).optional(),
        firstResponseAt: when.optional(),
      }),
    )
    .max(10000)
    .optional(),
});

// ---- route parameters and queries ----
export const widgetParams = widget;
export const voterQuery = z.object({ voter });
export const eventsQuery = voterQuery.extend({ widgets: z.string().max(8000) });
/** the widgets of `GET /v1/events?widgets=kind:id,…` */
export const widgetList = z.array(widgetParams).min(1).max(50);
export const boardParams = z.object({ kind: z.enum(['ideas', 'questions']), board: id });
export const banParams = banSchema.pick({ type: true, value: true });
export const metricsQuery = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  tz: z.string().max(60).default('UTC').refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Kyiv'),
  target: z.coerce.number().min(0).max(10000).default(2),
  // working days and hours, e.g. "1-5,9-18" (Monday to Friday, 9:00 to 18:00); empty for wall-clock hours
  work: z.string().regex(/^([1-7])-([1-7]),(\d{1,2})-(\d{1,2})$/, 'days-days,hour-hour such as 1-5,9-18').optional(),
});
