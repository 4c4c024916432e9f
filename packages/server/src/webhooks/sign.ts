/**
 * Webhook signatures, Stripe-style: `Kolo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`
 * keyed with the webhook's secret (the whole `whsec_…` string). A receiver checks the HMAC of the raw
 * body it got and that `t` is recent (a replayed old request is refused). README.md shows how.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const hmac = (secret: string, t: number, body: string) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

/** The `Kolo-Signature` header of `body` sent at `now` (ms). */
export function signatureHeader(secret: string, body: string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/**
 * Whether `header` (a `Kolo-Signature`) signs `body` (the raw request body, as received) with `secret`,
 * made at most `toleranceSeconds` from `now` (ms). Any `v1` that matches is enough.
 */
export function verifyWebhook(secret: string, header: string | null | undefined, body: string, toleranceSeconds = 300, now = Date.now()): boolean {
  if (!secret || !header || header.length > 1000) return false;
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmac(secret, t, body), 'hex');
  return parts.some(([k, v]) => {
    if (k !== 'v1' || !v || !/^[0-9a-f]{64}$/.test(v)) return false;
    return timingSafeEqual(Buffer.from(v, 'hex'), expected);
  });
}
