/** How hard a secret is to guess: the admin token must not be short, repetitive or made of few characters. */
import { deflateRawSync } from 'node:zlib';

export const TOKEN_MIN_LENGTH = 32;
export const TOKEN_MIN_BITS = 128;

const deflatedBits = (data: string | Uint8Array) => deflateRawSync(data, { level: 9 }).length * 8;

/**
 * An estimate of a token's entropy in bits, the lowest of: its length times the entropy of its
 * character frequencies (few distinct characters score low), its deflated size (repeated patterns
 * score low) and the deflated size of the steps between neighbouring characters (runs like `abcdef…`
 * score low). A random 32-byte token (`openssl rand -base64 32`) scores about 200.
 */
export function tokenBits(token: string): number {
  const points = [...token].map((ch) => ch.codePointAt(0)!);
  const counts = new Map<number, number>();
  for (const p of points) counts.set(p, (counts.get(p) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / points.length) * Math.log2(n / points.length);
  const steps = Uint8Array.from(points.slice(1), (p, i) => (p - points[i]!) & 0xff);
  return Math.min(perChar * points.length, deflatedBits(token), deflatedBits(steps) + 8 * 2);
}

/** Why `token` is too easy to guess, or undefined when it is not. */
export function tokenProblem(token: string): string | undefined {
  if ([...token].length < TOKEN_MIN_LENGTH) return `must be at least ${TOKEN_MIN_LENGTH} characters`;
  if (new Set(token).size < 10) return 'must have at least 10 different characters';
  const bits = Math.floor(tokenBits(token));
  if (bits < TOKEN_MIN_BITS) return `is too easy to guess (about ${bits} bits; at least ${TOKEN_MIN_BITS} are needed)`;
  return undefined;
}
