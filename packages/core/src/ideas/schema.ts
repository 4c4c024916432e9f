import * as z from 'zod/mini';
import { nextStepSchema, parseWith, text, type Parsed } from '../content/common.ts';
import { signatureSchema } from '../content/signature.ts';
import { idSchema } from '../contract/ids.ts';
import { oneOf, uniqueIds, whole } from '../content/checks.ts';
import type { IdeaPolicy } from '../contract/actions.ts';
import type { WidgetRef } from '../contract/widgets.ts';

const KINDS = ['idea', 'question'] as const;
export type IdeaKind = (typeof KINDS)[number];

export const ideaCategorySchema = z.object({ id: idSchema, label: text(80) });

/** One idea board (or AMA): what its form and its board show and the rules for submissions. */
export const ideaBoardSchema = z.object({
  id: idSchema,
  /** `idea` (default) or `question` for an AMA */
  kind: z.optional(oneOf(KINDS)),
  heading: z.optional(text(200)),
  description: z.optional(text(1000)),
  categories: z.optional(
    z.array(ideaCategorySchema).check(
      z.maxLength(30, 'at most 30 categories'),
      z.refine(uniqueIds, 'category ids must be unique'),
    ),
  ),
  /** new submissions wait for a moderator */
  moderated: z.optional(z.boolean()),
  titleMin: z.optional(whole(1, 200)),
  titleMax: z.optional(whole(10, 300)),
  detailsMax: z.optional(whole(0, 10000)),
  /** seconds a person needs at least between first touching the form and sending it */
  minFillSeconds: z.optional(whole(0, 600)),
  maxPerDay: z.optional(whole(1, 1000)),
  /** show links in details as links (with `rel="nofollow ugc noopener noreferrer"`) */
  linkify: z.optional(z.boolean()),
  /** ideas per page on the board */
  pageSize: z.optional(whole(1, 200)),
  nextStep: z.optional(nextStepSchema),
  /** the person must tick "I have read the community rules" before sending (the policy's `requireRules`) */
  requireRules: z.optional(z.boolean()),
  signature: signatureSchema,
});

export type IdeaBoardInput = z.input<typeof ideaBoardSchema>;
export type IdeaBoardConfig = z.output<typeof ideaBoardSchema>;

export const parseIdeaBoard = (input: unknown): Parsed<IdeaBoardConfig> => {
  const r = parseWith(ideaBoardSchema, input);
  if (r.ok && (r.value.titleMin ?? 8) > (r.value.titleMax ?? 140)) return { ok: false, error: 'titleMin: must not be more than titleMax' };
  return r;
};

/** The submission rules an adapter enforces for this board. */
export const ideaPolicy = (c: IdeaBoardConfig): IdeaPolicy => ({
  moderated: !!c.moderated,
  minFillMs: (c.minFillSeconds ?? 3) * 1000,
  maxPerDay: c.maxPerDay ?? 5,
  titleMin: c.titleMin ?? 8,
  titleMax: c.titleMax ?? 140,
  detailsMax: c.detailsMax ?? 2000,
  categories: (c.categories ?? []).map((x) => x.id),
  // only when required: the policies of boards that do not require them (and the sites' signatures of them) stay as they were
  ...(c.requireRules ? { requireRules: true } : {}),
});

/** The adapter's name for the board: ideas and AMA questions are kept apart. */
export const ideaWidget = (c: Pick<IdeaBoardConfig, 'id' | 'kind'>): WidgetRef => ({ kind: c.kind === 'question' ? 'questions' : 'ideas', id: c.id });
