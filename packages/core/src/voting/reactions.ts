import * as z from 'zod/mini';
import { nextStepSchema, parseWith, text, type Parsed } from '../content/common.ts';
import { signatureSchema } from '../content/signature.ts';
import { idSchema } from '../contract/ids.ts';
import { uniqueIds } from '../content/checks.ts';
import type { VotePolicy } from '../contract/actions.ts';

export const reactionSchema = z.object({
  id: idSchema,
  emoji: text(16),
  /** accessible name; built-in emoji get one in every language */
  label: z.optional(text(60)),
});

export const reactionsConfigSchema = z
  .object({
    id: idSchema,
    /** what the row reacts to, for screen readers ("React to this post") */
    label: z.optional(text(120)),
    reactions: z.array(reactionSchema).check(z.minLength(1, 'needs at least 1 reaction'), z.maxLength(12, 'at most 12 reactions')),
    more: z.optional(z.array(reactionSchema).check(z.maxLength(60, 'at most 60 more reactions'))),
    nextStep: z.optional(nextStepSchema),
    signature: signatureSchema,
  })
  .check(
    z.refine((c) => uniqueIds([...c.reactions, ...(c.more ?? [])]), 'reaction ids must be unique across reactions and more'),
  );
export type ReactionsConfig = z.output<typeof reactionsConfigSchema>;
export type Reaction = z.output<typeof reactionSchema>;

export const parseReactionsConfig = (input: unknown): Parsed<ReactionsConfig> => parseWith(reactionsConfigSchema, input);

/** One reaction per person, switchable and removable. */
export const reactionsPolicy = (c: ReactionsConfig): VotePolicy => ({
  options: [...c.reactions, ...(c.more ?? [])].map((r) => r.id),
  multiple: false,
  change: true,
});
