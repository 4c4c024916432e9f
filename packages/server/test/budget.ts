// Helpers of the limit tests: bursts of requests and what a token bucket lets through.
import type { Client } from './harness.ts';

/** Send `n` actions, 25 at a time; how many passed, how many were rate-limited (with Retry-After). */
export async function burst(api: Client, n: number, make: (i: number) => [body: unknown, headers: Record<string, string>]) {
  const started = Date.now();
  const statuses: number[] = [];
  let retryAfter = true;
  for (let i = 0; i < n; i += 25) {
    const replies = await Promise.all(Array.from({ length: Math.min(25, n - i) }, (_, j) => api.post('/v1/actions', ...make(i + j))));
    for (const r of replies) {
      statuses.push(r.status);
      if (r.status === 429) retryAfter &&= r.body.error.reason === 'rate' && Number(r.headers.get('retry-after')) >= 1;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  return { passed: statuses.filter((s) => s === 200).length, limited: statuses.filter((s) => s === 429).length, retryAfter, seconds };
}

/** The most a bucket of `perMinute` lets through in `seconds`: the burst, then the refill. */
export const most = (perMinute: number, seconds: number) => perMinute + Math.ceil((seconds * perMinute) / 60) + 1;
