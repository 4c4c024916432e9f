/**
 * A stand-in for Kolo's server, for the HTTP adapter's tests in Node: a `fetch` that records every
 * request and answers with what the test's `answer` says (a Response, or a thrown error for "no
 * network"). A live stream request gets a stream that stays open, as the server's does.
 */
export interface Request {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  /** Date.now() when it was made (fake timers make this exact) */
  at: number;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** A refusal as Kolo's server answers it. */
export const refusal = (status: number, reason: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  json(status, { error: { code: status === 429 ? 'rate-limited' : 'rejected', reason, message: reason, ...extra } }, headers);

/** `stream`: the answer to a live stream request, when it is not a stream that stays open (a refusal, a limit). */
export function fakeServer(answer: (r: Request) => Response | Promise<Response>, stream?: (r: Request) => Response | undefined) {
  const requests: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const r: Request = { url: String(input), method: init.method ?? 'GET', headers: new Headers(init.headers), body: init.body as string | undefined, at: Date.now() };
    requests.push(r);
    if (r.url.includes('/v1/events')) return stream?.(r) ?? new Response(new ReadableStream({ start() {} }), { status: 200, headers: { 'content-type': 'text/event-stream' } });
    return answer(r);
  }) as typeof globalThis.fetch;
  return {
    fetch,
    requests,
    /** the actions posted, in order, by id */
    posted: () => requests.filter((r) => r.url.endsWith('/v1/actions')).map((r) => (JSON.parse(r.body!) as { id: string }).id),
  };
}
