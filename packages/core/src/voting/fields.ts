import * as z from 'zod/mini';
import { nextStepSchema } from '../content/common.ts';
import { signatureSchema } from '../content/signature.ts';
import { dateTimeSchema } from '../contract/ids.ts';
import { oneOf } from '../content/checks.ts';

const MODES = ['after-vote', 'always', 'never'] as const;
export type ResultsVisibility = (typeof MODES)[number];

/** When results are shown. */
export const resultsVisibilitySchema = oneOf(MODES);

/** The fields every voting widget (poll, A/B choice) has besides its content. */
export const votingFields = {
  results: z.optional(resultsVisibilitySchema),
  closesAt: z.optional(dateTimeSchema),
  allowChange: z.optional(z.boolean()),
  nextStep: z.optional(nextStepSchema),
  signature: signatureSchema,
};

/** Whether results are shown, per the author's `results` setting. */
export const resultsVisible = (
  mode: ResultsVisibility | undefined,
  s: { ready: boolean; voted: boolean; closed: boolean },
): boolean => s.ready && mode !== 'never' && (mode === 'always' || s.voted || s.closed);
