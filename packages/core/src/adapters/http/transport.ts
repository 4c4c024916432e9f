/** Requests to Kolo's server: JSON in and out, refusals read back through the contract's error table. */
import { KoloError } from '../../contract/errors.ts';
import type { ErrorBody } from '../../contract/answers.ts';
import type { KoloAction } from '../../contract/actions.ts';
import type { View } from '../../contract/views.ts';
import { IDENTITY_HEADER, VOTER_HEADER } from '../../contract/headers.ts';

export type Fetch = typeof fetch;
/** The host site's identity token for its signed-in user (a JWT its backend signs), or a function giving the current one (undefined: not signed in). */
export type IdentitySource = string | (() => string | undefined | Promise<string | undefined>);

export interface Transport {
  readonly base: string;
  readonly fetch: Fetch;
  /** GET or POST a path; resolves with the view, rejects with a KoloError */
  request(path: string, init?: RequestInit): Promise<View>;
  post(action: KoloAction): Promise<View>;
}

/** The header that says whose view a read is for (never the address: proxy and access logs keep those). */
export const voterHeaders = (voter: string): Record<string, string> => ({ [VOTER_HEADER]: encodeURIComponent(voter) });

/** Requests to `endpoint`; each action and widget read carries the `identity` token, when there is one, in `Kolo-Identity`. */
export function transport(endpoint: string, fetcher: Fetch, identity?: IdentitySource): Transport {
  const base = endpoint.replace(/\/+$/, '');
  async function request(path: string, init: RequestInit = {}): Promise<View> {
    let res: Response;
    try {
      // asked on every request: the site may sign in, out, or renew its short-lived token meanwhile
      const token = typeof identity === 'function' ? await identity() : identity;
      res = await fetcher(base + path, token ? { ...init, headers: { ...(init.headers as Record<string, string>), [IDENTITY_HEADER]: token } } : init);
    } catch (e) {
      throw new KoloError('network', '', (e as Error).message);
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.ok && body) return body as View;
    throw errorFromAnswer(res.status, body, res.headers.get('retry-after'));
  }
  return {
    base,
    fetch: fetcher,
    request,
    post: (a) => request('/v1/actions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) }),
  };
}

/**
 * What an HTTP answer means. 429 (from Kolo or a proxy): a limit, to try again after `retryAfter`
 * seconds. A 4xx refusal in Kolo's words (`{ error: { code: "rejected", reason } }`, a reason of the
 * contract's table): `rejected`, it will never pass. Anything else (5xx, a 408 time-out, a proxy's
 * page or JSON) is a failure to reach Kolo (`network`), worth trying again. (The table itself stays
 * out of browser code: the server gives each reason its status.)
 */
export function errorFromAnswer(status: number, body: unknown, retryAfterHeader?: string | null): KoloError {
  const err = (body as Partial<ErrorBody> | null)?.error;
  if (status === 429) return new KoloError('rate-limited', err?.reason || 'rate', err?.message, err?.retryAfter ?? (Number(retryAfterHeader) || 0));
  if (status < 500 && status !== 408 && err?.code === 'rejected' && err.reason) return new KoloError('rejected', err.reason, err.message);
  return new KoloError('network', '', err?.message ?? `HTTP ${status}`);
}
