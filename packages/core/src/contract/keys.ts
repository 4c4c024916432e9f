/** Idempotency keys and voter ids on the wire (content never holds them). */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';

/** An action's idempotency key (the same key is applied once); an idea's id is its submission's key. */
export const keySchema = z.string().check(z.minLength(1, 'is required'), z.maxLength(LIMITS.key, `must be at most ${LIMITS.key} characters`));

/** The anonymous, stable per-browser voter id. */
export const voterSchema = z.string().check(z.minLength(1, 'is required'), z.maxLength(LIMITS.voter, `must be at most ${LIMITS.voter} characters`));
