/** Requests to Kolo's server: JSON in and out, refusals read back through the contract's error table. */
import { KoloError, errorFromAnswer, type KoloAction, type View } from '../../contract/index.ts';

export type Fetch = typeof fetch;

export interface Transport {
  readonly base: string;
  readonly fetch: Fetch;
  /** GET or POST a path; resolves with the view, rejects with a KoloError */
  request(path: string, init?: RequestInit): Promise<View>;
  post(action: KoloAction): Promise<View>;
}

export function transport(endpoint: string, fetcher: Fetch): Transport {
  const base = endpoint.replace(/\/+$/, '');
  async function request(path: string, init?: RequestInit): Promise<View> {
    let res: Response;
    try {
      res = await fetcher(base + path, init);
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
