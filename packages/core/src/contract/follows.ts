/**
 * Following an idea or question by email ("Tell me when this changes"): what a widget sends, what the
 * server answers. The server confirms an email once per voter (double opt-in) and answers the same
 * whether or not it knows the email.
 */
import * as z from 'zod/mini';
import { idSchema } from './ids.ts';
import { keySchema, wireText } from './keys.ts';

/** The limits of following (apart from LIMITS, which every page loads: these only the server and a board's follow need). */
export const FOLLOW_LIMITS = {
  /** a follower's email address (RFC 5321's longest path), the language of their messages, a confirmation or unfollow link's token */
  email: 254,
  lang: 35,
  token: 100,
  /** follows a minute, per voter and per client address */
  perVoter: 10,
  perIp: 60,
} as const;

/** An email address a follow takes: something@domain.tld, no spaces, brackets, quotes or commas. */
export const EMAIL_PATTERN = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\.]+(\.[^\s@<>()[\]",;:\\.]+)+$/;

export const emailSchema = wireText(FOLLOW_LIMITS.email, 1).check(z.regex(EMAIL_PATTERN, 'must be an email address'));

export const followSchema = z.object({
  kind: z.enum(['ideas', 'questions']),
  board: idSchema,
  idea: keySchema,
  email: emailSchema,
  /** the language of the messages (`uk…` Ukrainian, anything else English) */
  lang: z.optional(wireText(FOLLOW_LIMITS.lang)),
});
export type Follow = z.infer<typeof followSchema>;

/** The answer to a follow: `confirmed` when this voter confirmed this email before (nothing more to do), else a confirmation was sent. */
export interface FollowAnswer {
  confirmed: boolean;
}

/** A follow link's token (`?token=` of a confirmation or unfollow link). */
export const followTokenSchema = z.object({ token: wireText(FOLLOW_LIMITS.token, 1) });
