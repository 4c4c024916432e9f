/**
 * A webhook receiver for tests: a real node:http server on port 0 that keeps each request (headers
 * and raw body) and answers as told: a status, or `hang` (no answer for `hangMs`, longer than the
 * sender's time-out). Answers 200 once the script is spent.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export async function receiver(hangMs = 1500) {
  const got: Received[] = [];
  const script: (number | 'hang')[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = script.shift() ?? 200;
      if (next === 'hang') setTimeout(() => res.writableEnded || res.end('late'), hangMs).unref();
      else res.writeHead(next, { 'content-type': 'text/plain' }).end(next >= 300 ? `status ${next}: ${'x'.repeat(5000)}` : 'ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/kolo`,
    got,
    /** the answers to the next requests, in order */
    answer: (...next: (number | 'hang')[]) => script.push(...next),
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/** An address nothing listens on (a port just freed). */
export async function deadUrl() {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `http://127.0.0.1:${port}/hooks`;
}
