/** What widgets report back (views, interactions, submissions, next steps…), on the wire. */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { dateTimeSchema, idSchema } from './ids.ts';
import { voterSchema, wireText } from './keys.ts';
import { WIDGET_KINDS } from './widgets.ts';

/** Every kind of element that sends signals: the widgets, the help banner and the disclosure label. */
export const ELEMENT_KINDS = [...WIDGET_KINDS, 'help-banner', 'disclosure'] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];

/** Which element a signal comes from. */
export interface ElementRef {
  kind: ElementKind;
  id: string;
}

export const SIGNAL_TYPES = ['view', 'interact', 'submit', 'next-step', 'dismiss', 'snooze'] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export const signalSchema = z.object({
  type: z.enum(SIGNAL_TYPES),
  /** the element it comes from (the help banner and the disclosure label send signals too) */
  widget: z.object({ kind: z.enum(ELEMENT_KINDS), id: idSchema }),
  /** anonymous per-browser id; nothing personal */
  voter: voterSchema,
  /** ISO date-time */
  at: dateTimeSchema,
  data: z.optional(
    z.record(
      wireText(LIMITS.signalDataKey),
      z.union([wireText(LIMITS.signalDataValue), z.number(), z.boolean()]),
    ),
  ),
});
export type Signal = z.infer<typeof signalSchema>;

/** One batch of signals, as the HTTP adapter sends them. */
export const signalBatchSchema = z.object({ signals: z.array(signalSchema).check(z.minLength(1), z.maxLength(LIMITS.signals)) });
