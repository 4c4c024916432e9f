import * as z from 'zod/mini';
import { parseWith, text, type Parsed } from '../content/common.ts';
import { idSchema } from '../contract/ids.ts';
import { votingFields } from './fields.ts';
import { uniqueIds } from '../content/checks.ts';
import { safeUrl } from '../signals/utm.ts';
import type { VotePolicy } from '../contract/actions.ts';

/**
 * An image source: http(s), relative, or an inline data:image (png, gif, jpeg, webp, avif or SVG),
 * base64 or URL-encoded (no raw white space, `"`, `<`, `>` or `#`: a raw SVG is refused). An `<img>`
 * runs no script of an SVG, so the widgets use this source only as an `<img src>`: never in CSS
 * `url()` nor as a link's `href` (links pass `safeUrl`, which refuses every `data:`).
 */
const imageUrl = (s: string) =>
  /^data:image\/(png|gif|jpeg|webp|avif|svg\+xml)[;,][^\s"<>#]*$/i.test(s) || ['http:', 'https:'].includes(safeUrl(s)?.protocol ?? '');

export const imageSchema = z.object({
  src: z.string().check(z.refine(imageUrl, 'must be an http(s), relative or data:image link')),
  /** required; empty only for a purely decorative image */
  alt: z.string('is required (alt="" only for a purely decorative image)').check(z.maxLength(300, 'must be at most 300 characters')),
});

export const scenarioSchema = z.object({
  id: idSchema,
  title: text(120),
  text: z.optional(text(800)),
  image: z.optional(imageSchema),
});


/** An A/B (or A/B/C/D) scenario choice. */
export const choiceConfigSchema = z.object({
  id: idSchema,
  question: text(300),
  options: z
    .array(scenarioSchema)
    .check(
      z.minLength(2, 'a choice needs at least 2 scenarios'),
      z.maxLength(4, 'a choice has at most 4 scenarios'),
      z.refine(uniqueIds, 'scenario ids must be unique'),
    ),
  ...votingFields,
});
export type ChoiceConfig = z.output<typeof choiceConfigSchema>;
export type Scenario = z.output<typeof scenarioSchema>;

export const parseChoiceConfig = (input: unknown): Parsed<ChoiceConfig> => parseWith(choiceConfigSchema, input);

export const choicePolicy = (c: ChoiceConfig): VotePolicy => ({
  options: c.options.map((o) => o.id),
  multiple: false,
  change: !!c.allowChange,
  ...(c.closesAt ? { closesAt: new Date(c.closesAt).toISOString() } : {}),
});
