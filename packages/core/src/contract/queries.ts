/** What public GET requests take in their address and headers. */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { voterSchema, wireText } from './keys.ts';
import { widgetRefSchema } from './actions.ts';
import { parseWidgetKey } from './widgets.ts';
import { ideaStatusSchema } from './views.ts';

/**
 * The value of the `Kolo-Voter` header (named in `headers.ts`): whose view, percent-decoded, then
 * checked as any voter id.
 */
export const voterHeaderSchema = z.pipe(z.pipe(z.string(), z.transform(percentDecoded)), voterSchema);

function percentDecoded(s: string, ctx: { issues: unknown[] }): string {
  try {
    return decodeURIComponent(s);
  } catch {
    ctx.issues.push({ code: 'custom', message: 'must be percent-encoded', input: s });
    return z.NEVER;
  }
}

/** `GET /v1/events?widgets=poll:a,quiz:b`: one live stream for every widget of a page. */
export const eventsQuerySchema = z.object({
  widgets: z.pipe(
    z.string().check(z.maxLength(LIMITS.streamWidgets * (LIMITS.id + 12))),
    z.transform((s) => s.split(',').filter(Boolean).map((k) => parseWidgetKey(k) ?? { kind: '', id: k })),
  ),
});
/** The widgets of a live stream, checked one by one. */
export const streamWidgetsSchema = z.array(widgetRefSchema).check(z.minLength(1), z.maxLength(LIMITS.streamWidgets));

/** `limit` of a page: a whole number of ideas, 1 to `LIMITS.boardPageMax` (default `LIMITS.boardPage`). */
const pageLimitSchema = z._default(
  z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{1,4}$/, 'must be a whole number')), z.transform(Number)),
    z.number().check(z.gte(1, 'must be at least 1'), z.lte(LIMITS.boardPageMax, `must be at most ${LIMITS.boardPageMax}`)),
  ),
  LIMITS.boardPage,
);
/** `cursor` of a page: the opaque `next` of the page before (the server checks what it holds). */
const cursorSchema = z.string().check(z.minLength(1, 'is required'), z.maxLength(LIMITS.boardCursor, `must be at most ${LIMITS.boardCursor} characters`), z.regex(/^[\w-]+$/, 'is not a cursor of this server'));
const searchSchema = wireText(LIMITS.boardSearch);
const statusFilterSchema = z.optional(z.union([ideaStatusSchema, z.literal('')]));

/**
 * `GET /v1/widgets/:kind/:id?sort&status&category&q&cursor&limit` of a board: one page of its ideas
 * (what the HTTP adapter sends for a `BoardPageQuery`). Server-side parsing only.
 */
export const boardPageQuerySchema = z.object({
  sort: z._default(z.enum(['top', 'new']), 'top'),
  status: statusFilterSchema,
  category: z.optional(wireText(LIMITS.id)),
  q: z.optional(searchSchema),
  cursor: z.optional(cursorSchema),
  limit: pageLimitSchema,
});
export type BoardPageParams = z.infer<typeof boardPageQuerySchema>;

/** `GET /v1/widgets/:kind/:id/similar?title=`: public ideas like a title being typed. */
export const similarQuerySchema = z.object({ title: wireText(LIMITS.boardSearch, 1) });

/**
 * `sort` of the team's lists: `left` the least time left first (the oldest waiting first: every item
 * is timed against one target from when it arrived), `new` the newest first.
 */
export const queueSortSchema = z.enum(['left', 'new']);

/**
 * `GET /v1/admin/ideas/:kind/:board?status&sort&cursor&limit&asOf`: one page of a board's ideas for the
 * team (newest first by default); `asOf` the time waiting items are timed at (default now).
 */
export const adminIdeasQuerySchema = z.object({
  status: statusFilterSchema,
  sort: z.optional(queueSortSchema),
  cursor: z.optional(cursorSchema),
  limit: pageLimitSchema,
  asOf: z.optional(z.iso.datetime({ offset: true })),
});
/** `GET /v1/admin/queue?sort&asOf`: every board's items waiting for moderation (the least time left first by default). */
export const queueQuerySchema = z.object({ sort: z._default(queueSortSchema, 'left'), asOf: z.optional(z.iso.datetime({ offset: true })) });
export type AdminIdeasParams = z.infer<typeof adminIdeasQuerySchema>;
