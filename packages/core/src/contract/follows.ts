/**
 * Following an idea or question by email ("Tell me when this changes"): what a widget sends, what the
 * server answers. The server confirms an email once per voter (double opt-in) and answers the same
 * whether or not it knows the email.
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { idSchema } from './ids.ts';
import { keySchema, wireText } from './keys.ts';

/** An email address a follow takes: something@domain.tld, no spaces, brackets, quotes or commas. */
export const EMAIL_PATTERN = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\.]+(\.[^\s@<>()[\]",;:\\.]+)+$/;

export const emailSchema = wireText(LIMITS.email, 1).check(z.regex(EMAIL_PATTERN, 'must be an email address'));

export const followSchema = z.object({
  kind: z.enum(['ideas', 'questions']),
  board: idSchema,
  idea: keySchema,
  email: emailSchema,
  /** the language of the messages (`uk…` Ukrainian, anything else English) */
  lang: z.optional(wireText(LIMITS.lang)),
});
export type Follow = z.infer<typeof followSchema>;

/** The answer to a follow: `confirmed` when this voter confirmed this email before (nothing more to do), else a confirmation was sent. */
export interface FollowAnswer {
  confirmed: boolean;
}

/** A follow link's token (`?token=` of a confirmation or unfollow link). */
export const followTokenSchema = z.object({ token: wireText(LIMITS.followToken, 1) });
