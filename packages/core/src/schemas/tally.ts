import * as z from 'zod/mini';

const strings = z.array(z.string());
const optionalText = z.optional(z.string());

/** What `load` and `send` answer: the protocol's response, validated by the server before it is sent. */
export const tallySchema = z.object({
  counts: z.record(z.string(), z.number()),
  voters: z.number(),
  mine: strings,
  answers: z.optional(z.record(z.string(), z.object({ choices: strings, correct: z.boolean(), key: strings }))),
  ideas: z.optional(
    z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        details: optionalText,
        category: optionalText,
        status: z.string(),
        createdAt: z.string(),
        own: z.boolean(),
        answer: optionalText,
        link: optionalText,
        reason: optionalText,
      }),
    ),
  ),
});
