/**
 * Why something was refused, in one table: each reason with its HTTP status. The server answers with
 * it, the HTTP adapter turns the answer back into a KoloError, the memory and local adapters throw the
 * same reasons, and widgets put them into words (`reasonMessages` in i18n).
 */

/** What kind of failure: the network (or the server) failed, the rules refused, or a limit was hit. */
export type KoloErrorCode = 'network' | 'rejected' | 'rate-limited';

export const REASONS = {
  // the request itself
  /** a field breaks the contract; the body names the field and the rule */
  invalid: 400,
  'invalid-voter': 400,
  'unknown-action': 400,
  unauthorized: 401,
  banned: 403,
  'not-found': 404,
  'too-large': 413,
  // the rules refuse a well-formed action
  closed: 409,
  'already-voted': 409,
  'invalid-choice': 409,
  'too-many-choices': 409,
  'cannot-grade': 409,
  'wrong-kind': 409,
  'invalid-idea': 409,
  'invalid-link': 409,
  'invalid-status': 409,
  'invalid-merge': 409,
  'stop-word': 409,
  spam: 409,
  'too-fast': 409,
  'id-reused': 409,
  /** the browser's storage refused to keep it (local adapter) */
  storage: 409,
  // limits: wait `retryAfter` seconds
  /** too many actions a minute */
  rate: 429,
  /** the daily limit of idea submissions */
  limit: 429,
  'slow-mode': 429,
  // the server failed
  internal: 500,
} as const satisfies Record<string, number>;

export type Reason = keyof typeof REASONS;

/** The HTTP status of a reason (unknown reasons are refusals). */
export const statusOf = (reason: string): number => (REASONS as Record<string, number>)[reason] ?? 409;

/** The KoloError code an HTTP status means. */
export const codeOf = (status: number): KoloErrorCode => (status === 429 ? 'rate-limited' : status >= 500 ? 'network' : 'rejected');

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

/** Refuse with a reason of the table (its code follows from its status). */
export const refuse = (reason: Reason, message: string, retryAfter?: number): never => {
  throw new KoloError(codeOf(statusOf(reason)), reason, message, retryAfter);
};

/** Any thrown value as a KoloError (unknown failures count as network failures). */
export const toKoloError = (e: unknown): KoloError =>
  e instanceof KoloError ? e : new KoloError('network', '', e instanceof Error ? e.message : String(e));

/** A refusal on the wire: `{ error: { code, reason, message, … } }`. */
export interface ErrorBody {
  error: {
    code: KoloErrorCode;
    reason: string;
    message: string;
    retryAfter?: number;
    /** `invalid`: the first wrong field and its rule, then every problem */
    field?: string;
    rule?: string;
    issues?: { field: string; rule: string; message: string }[];
  };
}

/** The HTTP status and body that answer a refusal. */
export function errorAnswer(reason: string, message: string, extra: Omit<ErrorBody['error'], 'code' | 'reason' | 'message'> = {}): { status: number; body: ErrorBody } {
  const status = statusOf(reason);
  return { status, body: { error: { code: codeOf(status), reason, message, ...extra } } };
}

/** A refusal read from an HTTP answer (anything else, e.g. an HTML error page, is a network failure). */
export function errorFromAnswer(status: number, body: unknown, retryAfterHeader?: string | null): KoloError {
  const err = (body as Partial<ErrorBody> | null)?.error;
  if (status >= 500 || !err) return new KoloError('network', '', err?.message ?? `HTTP ${status}`);
  const code = codeOf(status);
  const retry = code === 'rate-limited' ? (err.retryAfter ?? Number(retryAfterHeader ?? 0)) : undefined;
  return new KoloError(code, err.reason ?? 'invalid', err.message, retry);
}
