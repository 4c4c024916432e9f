import type { KoloError, Translator } from '@kolo/core';

/** An adapter error in words (its own file: a board's follow form, loaded later, shares it with the board). */

const REASONS: Record<string, 'errClosed' | 'errAlreadyVoted' | 'errCannotGrade'> = {
  closed: 'errClosed',
  'already-voted': 'errAlreadyVoted',
  'cannot-grade': 'errCannotGrade',
};

/** "Your answer wasn't saved: <why>" for an adapter error. */
export function errorText({ t }: Translator, error: KoloError): string {
  const key = error.code === 'network' ? 'errNetwork' : error.code === 'rate-limited' ? 'errRateLimited' : REASONS[error.reason];
  return t('sendError', { reason: key ? t(key) : t('errRejected', { reason: error.reason || error.message }) });
}
