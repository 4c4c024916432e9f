/** What public GET requests take in their address. */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { voterSchema } from './keys.ts';
import { widgetRefSchema } from './actions.ts';
import { parseWidgetKey } from './widgets.ts';

/** `?voter=…`: whose view. */
export const voterQuerySchema = z.object({ voter: voterSchema });

/** `GET /v1/events?voter&widgets=poll:a,quiz:b`: one live stream for every widget of a page. */
export const eventsQuerySchema = z.object({
  voter: voterSchema,
  widgets: z.pipe(
    z.string().check(z.maxLength(LIMITS.streamWidgets * (LIMITS.id + 12))),
    z.transform((s) => s.split(',').filter(Boolean).map((k) => parseWidgetKey(k) ?? { kind: '', id: k })),
  ),
});
/** The widgets of a live stream, checked one by one. */
export const streamWidgetsSchema = z.array(widgetRefSchema).check(z.minLength(1), z.maxLength(LIMITS.streamWidgets));
