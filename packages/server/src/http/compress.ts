/**
 * Compression of the answers: JSON (and CSV exports) of at least 1 KB go out as brotli or gzip, as
 * the client accepts (brotli first). A board's view shrinks to a fraction; live streams
 * (`text/event-stream`) are never compressed here, as a compressor would hold their events back.
 */
import type { MiddlewareHandler } from 'hono';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
const COMPRESSIBLE = /^(?:application\/json|text\/csv)\b/i;

/** The encoding to use for an `Accept-Encoding` header: `br`, `gzip`, or none. */
export function encodingFor(accept: string | undefined): 'br' | 'gzip' | undefined {
  const q = new Map<string, number>();
  for (const part of (accept ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : undefined;
}

export function compressAnswers(threshold = 1024): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '') || res.headers.has('content-encoding') || !res.body) return;
    c.header('Vary', 'Accept-Encoding', { append: true });
    const encoding = encodingFor(c.req.header('accept-encoding'));
    if (!encoding) return;
    const raw = Buffer.from(await res.arrayBuffer());
    const body =
      raw.length < threshold
        ? raw
        : encoding === 'br'
          ? await brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
          : await gzipped(raw);
    c.res = new Response(new Uint8Array(body), { status: res.status, headers: res.headers });
    c.res.headers.delete('content-length');
    if (raw.length >= threshold) c.res.headers.set('content-encoding', encoding);
  };
}
