/**
 * The admin API's door: a bearer token, compared in constant time, and a throttle on failed attempts
 * per client address. After `limit` failures within a sliding minute, an address is answered
 * `429 rate` with `Retry-After` until its oldest failure leaves the window, without the token being
 * looked at (so guessing stops paying off). Successful requests are neither counted nor limited.
 * Besides the configured token (the bootstrap owner), `member` may accept named tokens (../admin/tokens.ts):
 * who the request is goes into the context as `member`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { fail } from './errors.ts';
import { BOOTSTRAP_NAME, type Member } from '../admin/tokens.ts';

/** The context of an admin request: who it is. */
export type AdminEnv = { Variables: { member: Member } };

/** The configured token's holder. */
export const BOOTSTRAP: Member = { name: BOOTSTRAP_NAME, role: 'owner' };

export interface FailureWindowOptions {
  /** failures allowed within the window */
  limit: number;
  windowMs: number;
  /** addresses remembered at most (memory stays bounded whatever the number of addresses) */
  maxKeys: number;
  now?: () => number;
}

/** Failures per key in a sliding window: the times of the last `limit` failures of each key. */
export function failureWindow({ limit, windowMs, maxKeys, now = Date.now }: FailureWindowOptions) {
  const times = new Map<string, number[]>();
  const recent = (key: string, t: number) => (times.get(key) ?? []).filter((at) => at > t - windowMs);
  return {
    /** seconds until `key` may try again, or 0 when it may now */
    wait(key: string): number {
      const t = now();
      const list = recent(key, t);
      return list.length < limit ? 0 : Math.max(1, Math.ceil((list[list.length - limit]! + windowMs - t) / 1000));
    },
    add(key: string) {
      const t = now();
      const list = [...recent(key, t), t].slice(-limit);
      times.delete(key); // re-inserted last: the map's order is the order of last failures
      if (times.size >= maxKeys) {
        // forget addresses whose failures have all left the window, else the one that failed longest ago
        for (const [k, l] of times) if (l[l.length - 1]! <= t - windowMs) times.delete(k);
        if (times.size >= maxKeys) times.delete(times.keys().next().value!);
      }
      times.set(key, list);
    },
    get size() {
      return times.size;
    },
  };
}

export interface AdminAuthOptions {
  adminToken: string | undefined;
  /** the key failed attempts are counted under: the client's (salted, hashed) address */
  client: (c: Context) => string;
  /** failed attempts allowed per address per minute */
  failures?: number;
  /** what the refusal says is missing (default: an admin bearer token) */
  needed?: string;
  /** the named token's holder, when `token` is a live one */
  member?: (token: string) => Promise<Member | undefined>;
}

/**
 * One at a time per key: a named token is looked up in the database, and a client's lookups wait for
 * each other, so concurrent guesses cannot all pass the failure check before the first one fails.
 */
function queues() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(fn);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return run;
  };
}

/** The middleware in front of every admin route. */
export function adminAuth(o: AdminAuthOptions): MiddlewareHandler {
  const failed = failureWindow({ limit: o.failures ?? 10, windowMs: 60_000, maxKeys: 10_000 });
  const expected = Buffer.from(o.adminToken ?? '');
  const serial = queues();
  const refuse = (c: Context, wait: number) => {
    c.header('Retry-After', String(wait));
    return fail(c, 'rate', `too many failed attempts from this address; try again in ${wait} s`, { retryAfter: wait });
  };
  return async (c, next) => {
    const who = o.client(c);
    const wait = failed.wait(who);
    if (wait) return refuse(c, wait);
    // the `Bearer` scheme is required: a bare token in the header is refused like a wrong one
    const token = /^Bearer +(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const given = Buffer.from(token);
    const bootstrap = !!o.adminToken && given.length === expected.length && timingSafeEqual(given, expected);
    const found = bootstrap
      ? { member: BOOTSTRAP, wait: 0 }
      : await serial(who, async () => {
          const w = failed.wait(who);
          const member = w || !token || !o.member ? undefined : await o.member(token);
          if (!member && !w) failed.add(who);
          return { member, wait: w };
        });
    if (found.wait) return refuse(c, found.wait);
    if (!found.member) return fail(c, 'unauthorized', `${o.needed ?? 'an admin bearer token'} is required`);
    (c as Context<AdminEnv>).set('member', found.member);
    await next();
  };
}
