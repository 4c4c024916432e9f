/**
 * KoloError: why an adapter could not do what was asked. Its reasons are the keys of the table in
 * `reasons.ts` (with their HTTP status); browser code throws and reads them without carrying the table.
 */
import type { KoloErrorCode, Reason } from './reasons.ts';

/** Why an adapter could not do what was asked. */
export class KoloError extends Error {
  override name = 'KoloError';
  constructor(
    readonly code: KoloErrorCode,
    /** machine-readable reason, a key of `REASONS` (`closed`, `already-voted`…); empty for network failures */
    readonly reason = '',
    message = reason || code,
    /** seconds to wait before trying again, for `rate-limited` */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/**
 * Refuse with a reason of the table. A limit says how long to wait (`retryAfter`), which makes it
 * `rate-limited` (the table's 429s); every other refusal is `rejected`. (This keeps the table itself
 * out of browser bundles: only the server and its tests read the statuses.)
 */
export const refuse = (reason: Reason, message: string, retryAfter?: number): never => {
  throw new KoloError(retryAfter === undefined ? 'rejected' : 'rate-limited', reason, message, retryAfter);
};

/** Any thrown value as a KoloError (unknown failures count as network failures). */
export const toKoloError = (e: unknown): KoloError =>
  e instanceof KoloError ? e : new KoloError('network', '', e instanceof Error ? e.message : String(e));
