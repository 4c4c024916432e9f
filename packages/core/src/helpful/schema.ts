import * as z from 'zod/mini';
import { nextStepSchema, parseWith, text, type Parsed } from '../content/common.ts';
import { signatureSchema } from '../content/signature.ts';
import { idSchema } from '../contract/ids.ts';
import { oneOf, uniqueIds, whole } from '../content/checks.ts';
import type { VotePolicy } from '../contract/actions.ts';
import type { WidgetRef } from '../contract/widgets.ts';

/**
 * A card: a FAQ (`title` is the question, `body` the answer) or a myth (`title` is the myth, `body`
 * the fact, `advice` what to do), with an optional link.
 */
export const faqCardSchema = z.object({
  id: idSchema,
  kind: z.optional(oneOf(['faq', 'myth'] as const)),
  title: text(300),
  body: text(3000),
  advice: z.optional(text(1000)),
  link: z.optional(nextStepSchema),
  /** the site's signature of this card's "was this helpful?" definition (`data-signature`) */
  signature: signatureSchema,
});

/** A FAQ or myth/fact carousel. */
export const faqConfigSchema = z.object({
  id: idSchema,
  /** the carousel's name ("Myths about gambling"), shown as its heading */
  label: z.optional(text(200)),
  cards: z.array(faqCardSchema).check(z.minLength(1, 'needs at least 1 card'), z.maxLength(30, 'at most 30 cards'), z.refine(uniqueIds, 'card ids must be unique')),
  /** ask "was this helpful?" on every card (default true) */
  feedback: z.optional(z.boolean()),
  /** rotate every N seconds (off by default; a pause button is shown) */
  autoplay: z.optional(whole(3, 120)),
  /** a last card: a question and where to go ("which myth should we debunk next?") */
  closing: z.optional(z.object({ text: text(300), nextStep: nextStepSchema })),
});

export type FaqCard = z.output<typeof faqCardSchema>;
export type FaqConfig = z.output<typeof faqConfigSchema>;

export const parseFaqConfig = (input: unknown): Parsed<FaqConfig> => parseWith(faqConfigSchema, input);

/** "Was this helpful?": one answer per person per card, not changeable. */
export const helpfulPolicy: VotePolicy = { options: ['yes', 'no'], multiple: false, change: false };

/** The adapter's name for a card's "was this helpful?" answers. */
export const helpfulWidget = (carousel: string, card: string): WidgetRef => ({ kind: 'faq', id: `${carousel}.${card}` });
