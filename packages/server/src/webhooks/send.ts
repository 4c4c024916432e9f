/**
 * Sending what webhooks are owed (the `webhooks` job): claim a batch of due deliveries of active
 * webhooks (`for update skip locked`, so several servers share the work; the claim moves `next_at` a
 * lease ahead, so a crashed server's claim is retried), POST each signed body with a time-out and no
 * redirects followed, and record the attempt: a 2xx is delivered; anything else waits base × 4^n
 * (plus up to 20% jitter) for the next attempt, until the round's attempts are spent: then failed.
 */
import type { Db } from '../db/types.ts';
import { VERSION } from '../version.ts';
import { signatureHeader } from './sign.ts';

export interface SendOptions {
  /** the wait after a round's first failed attempt, ms (then ×4 each time) */
  retryBaseMs: number;
  /** attempts in a round before a delivery is given up (a replay starts a new round) */
  maxAttempts: number;
  /** ms an attempt may take, answer included */
  timeoutMs: number;
  /** each attempt's outcome (the Prometheus counter) */
  onOutcome?: (outcome: 'delivered' | 'retry' | 'failed') => void;
}

/** deliveries claimed per run, sent at once */
const BATCH = 20;
/** characters of a receiver's answer kept, at most */
const EXCERPT = 200;

type Claimed = {
  id: string;
  type: string;
  body: string;
  attempts: number;
  round_start: number;
  url: string;
  secret: string;
};

interface Outcome {
  code?: number;
  error?: string;
  excerpt?: string;
}

/** The first characters of an answer, without reading more than a few hundred bytes of it. */
async function excerptOf(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT * 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  // eslint-disable-next-line no-control-regex
  return Buffer.concat(chunks).toString('utf8').replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, EXCERPT);
}

/** Why a request failed, in a few words (never the body, never the secret). */
function errorOf(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  return String(err.cause?.code ?? err.cause?.message ?? err.message).slice(0, EXCERPT);
}

async function post(d: Claimed, timeoutMs: number): Promise<Outcome> {
  const headers = {
    'content-type': 'application/json',
    'user-agent': `Kolo-Webhooks/${VERSION}`,
    'kolo-event': d.type,
    'kolo-delivery': String(d.id),
    'kolo-signature': signatureHeader(d.secret, d.body),
  };
  try {
    const res = await fetch(d.url, { method: 'POST', headers, body: d.body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const excerpt = await excerptOf(res).catch(() => '');
    return res.status ? { code: res.status, excerpt } : { error: 'redirect (not followed)' };
  } catch (e) {
    return { error: errorOf(e, timeoutMs) };
  }
}

/** The wait before the next attempt after the round's `n`th failed one, ms. */
export const backoff = (n: number, base: number) => Math.round(base * 4 ** (n - 1) * (1 + Math.random() * 0.2));

async function attempt(db: Db, d: Claimed, o: SendOptions) {
  const r = await post(d, o.timeoutMs);
  const n = d.attempts + 1;
  const delivered = r.code !== undefined && r.code >= 200 && r.code < 300;
  const spent = n - d.round_start >= o.maxAttempts;
  const status = delivered ? 'delivered' : spent ? 'failed' : 'pending';
  const wait = status === 'pending' ? backoff(n - d.round_start, o.retryBaseMs) : null;
  const error = r.error ?? (delivered ? null : r.excerpt ? `${r.code}: ${r.excerpt}` : `answered ${r.code}`);
  await db.query(
    `with d as (
       update kolo_webhook_deliveries set attempts = $2, status = $3, last_code = $4, last_error = $5,
         next_at = case when $6::float8 is null then null else now() + make_interval(secs => $6::float8 / 1000) end,
         done_at = case when $3 = 'pending' then null else now() end
       where id = $1::bigint returning id, next_at)
     insert into kolo_webhook_attempts (delivery, n, code, error, excerpt, retry_at) select id, $2, $4, $7, $8, next_at from d`,
    [d.id, n, status, r.code ?? null, error?.slice(0, EXCERPT) ?? null, wait, r.error ?? null, r.excerpt || null],
  );
  o.onOutcome?.(delivered ? 'delivered' : status === 'failed' ? 'failed' : 'retry');
}

/** The `webhooks` job: send a batch of what is due; how many were tried. */
export function sendWebhooks(db: Db, o: SendOptions) {
  const lease = Math.ceil(o.timeoutMs / 1000) + 60;
  return async () => {
    const claimed = await db.query<Claimed>(
      `update kolo_webhook_deliveries d set next_at = now() + make_interval(secs => $1)
       from kolo_webhooks w
       where w.id = d.webhook and d.id in (
         select x.id from kolo_webhook_deliveries x join kolo_webhooks h on h.id = x.webhook
         where x.status = 'pending' and x.next_at <= now() and h.active
         order by x.next_at limit ${BATCH} for update of x skip locked)
       returning d.id, d.type, d.body, d.attempts, d.round_start, w.url, w.secret`,
      [lease],
    );
    await Promise.all(claimed.map((d) => attempt(db, { ...d, attempts: Number(d.attempts), round_start: Number(d.round_start) }, o)));
    return claimed.length;
  };
}
