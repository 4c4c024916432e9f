/**
 * Why something was refused, in one table: each reason with its HTTP status. The server answers with
 * it (`answers.ts`), the HTTP adapter turns the answer back into a KoloError, the memory and local
 * adapters throw the same reasons, and widgets put them into words.
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
  /** a `Kolo-Identity` token that does not verify (forged, expired, not yet valid, another audience or issuer, too long-lived, malformed), or one sent to a server that verifies none; the message says what failed */
  'identity-invalid': 401,
  /** an action without a valid identity token on a widget whose identity policy is `signed` */
  'identity-required': 401,
  /** a signed-in team member whose role may not do this (the body says which role it needs) */
  forbidden: 403,
  banned: 403,
  'not-found': 404,
  /** in production, an action for a widget the site has not registered */
  'unknown-widget': 404,
  /** a widget definition whose signature does not verify */
  'bad-signature': 403,
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
  /** a named admin token whose name a live token has, or one token too many */
  'name-taken': 409,
  /** one more than the things of a kind kept at once (webhooks) */
  'too-many': 409,
  'stop-word': 409,
  spam: 409,
  'too-fast': 409,
  /** an idea sent without accepting the community rules its board requires (the message names `rulesAccepted`) */
  'rules-required': 409,
  /** an idea without a valid form token from the board's view (missing, forged, another board's, or too old) */
  'form-expired': 409,
  'id-reused': 409,
  /** following by email asked of a server that sends no email (no SMTP configured) */
  'notifications-off': 409,
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
