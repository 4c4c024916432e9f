// Answers are compressed as the client accepts (brotli, else gzip); small ones and live streams are not.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodingFor } from '../src/http/compress.ts';
import { drivers, now, serverFor } from './harness.ts';

/** A raw GET (no automatic decoding): status, headers and the bytes on the wire. */
function raw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        if (res.headers['content-type']?.startsWith('text/event-stream')) req.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', (e) => (e.message.includes('aborted') || e.message.includes('socket hang up') ? undefined : reject(e)));
    req.end();
  });
}

describe('the encoding a client accepts', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(encodingFor('gzip, deflate, br')).toBe('br');
    expect(encodingFor('gzip, br;q=0')).toBe('gzip');
    expect(encodingFor('identity')).toBeUndefined();
    expect(encodingFor(undefined)).toBeUndefined();
    expect(encodingFor('*')).toBe('br');
  });
});

describe.each(drivers)('compressed answers on $name', ({ url }) => {
  const ctx = serverFor(url, { bodyLimit: 1024 * 1024 });

  it("sends a board's view as brotli or gzip, as accepted, and plain otherwise", async () => {
    const ideas = Array.from({ length: 200 }, (_, i) => ({ id: `idea-${i}`, title: `Night buses on weekends, route ${i}`, details: 'More buses after midnight on Fridays and Saturdays.', status: 'review', createdAt: now() }));
    await ctx.api.admin('POST', '/seed', { kind: 'ideas', id: 'zipped', counts: {}, ideas });
    // a page of the board, as big as one gets
    const path = `${ctx.server.url}/v1/widgets/ideas/zipped?limit=50`;
    const plain = await raw(path, { 'kolo-voter': 'v1' });
    const br = await raw(path, { 'kolo-voter': 'v1', 'accept-encoding': 'gzip, deflate, br' });
    const gz = await raw(path, { 'kolo-voter': 'v1', 'accept-encoding': 'gzip' });
    expect([plain.headers['content-encoding'], br.headers['content-encoding'], gz.headers['content-encoding']]).toEqual([undefined, 'br', 'gzip']);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const view = JSON.parse(plain.body.toString());
    expect(view.ideas).toHaveLength(50);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual({ ...view, form: expect.any(String) });
    expect(JSON.parse(gunzipSync(gz.body).toString()).ideas).toHaveLength(50);
    const sizes = `${plain.body.length} bytes plain, ${br.body.length} brotli, ${gz.body.length} gzip`;
    console.log(`a page of 50 ideas: ${sizes}`);
    expect(br.body.length, sizes).toBeLessThan(plain.body.length / 5);
  });

  it('leaves small answers and live streams uncompressed', async () => {
    const small = await raw(`${ctx.server.url}/v1/widgets/poll/tiny`, { 'kolo-voter': 'v1', 'accept-encoding': 'br' });
    expect([small.status, small.headers['content-encoding'], JSON.parse(small.body.toString())]).toEqual([200, undefined, { counts: {}, voters: 0, mine: [] }]);
    const stream = await raw(`${ctx.server.url}/v1/widgets/poll/tiny/events`, { 'kolo-voter': 'v1', 'accept-encoding': 'br' });
    expect([stream.headers['content-type'], stream.headers['content-encoding']]).toEqual(['text/event-stream', undefined]);
    expect(stream.body.toString()).toContain('event: view');
  });
});
