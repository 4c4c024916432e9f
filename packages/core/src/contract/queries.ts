/** What public GET requests take in their address and headers. */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { voterSchema } from './keys.ts';
import { widgetRefSchema } from './actions.ts';
import { parseWidgetKey } from './widgets.ts';

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
