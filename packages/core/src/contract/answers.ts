/** Refusals on the wire: the body the server sends (the HTTP adapter reads it back into a KoloError). */
import { codeOf, statusOf, type KoloErrorCode } from './reasons.ts';

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
