import * as z from 'zod/mini';
import { parseWith, text, type Parsed } from '../content/common.ts';
import { idSchema } from '../contract/ids.ts';
import { votingFields } from './fields.ts';
import { uniqueIds } from '../content/checks.ts';
import type { VotePolicy } from '../contract/actions.ts';

export const pollOptionSchema = z.object({ id: idSchema, label: text(200) });

export const pollConfigSchema = z
  .object({
    id: idSchema,
    question: text(300),
    description: z.optional(text(1000)),
    options: z
      .array(pollOptionSchema)
      .check(
        z.minLength(2, 'a poll needs at least 2 options'),
        z.maxLength(20, 'a poll has at most 20 options'),
        z.refine(uniqueIds, 'option ids must be unique'),
      ),
    multiple: z.optional(z.boolean()),
    maxChoices: z.optional(z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1, 'must be a whole number, at least 1'))),
    ...votingFields,
  });

export type PollConfigInput = z.input<typeof pollConfigSchema>;
export type PollConfig = z.output<typeof pollConfigSchema>;

export const parsePollConfig = (input: unknown): Parsed<PollConfig> => parseWith(pollConfigSchema, input);

/** The ballot rules an adapter enforces for this poll. */
export const pollPolicy = (c: PollConfig): VotePolicy => ({
  options: c.options.map((o) => o.id),
  multiple: !!c.multiple,
  ...(c.multiple && c.maxChoices ? { max: c.maxChoices } : {}),
  change: !!c.allowChange,
  ...(c.closesAt ? { closesAt: new Date(c.closesAt).toISOString() } : {}),
});
