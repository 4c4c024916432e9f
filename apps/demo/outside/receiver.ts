/**
 * The demo's webhook receiver: what a team's own service (a chat bot, a CRM) would run. It checks each
 * delivery's signature with the secret Kolo's server gave when the webhook was made, answers 2xx only
 * to a delivery that verifies, and keeps the newest 100 for the demo's Inbox page.
 */
import { createServer } from 'node:http';
import { verifyWebhook } from '@kolo/server';

export interface Delivery {
  at: string;
  /** the `Kolo-Event` header */
  event: string;
  verified: boolean;
  body: unknown;
}

const KEEP = 100;
const MAX_BODY = 64 * 1024;

export async function startReceiver(): Promise<{ url: string; deliveries: Delivery[]; useSecret(secret: string): void; close(): Promise<void> }> {
  const deliveries: Delivery[] = [];
  let secret = '';
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const verified = !!secret && verifyWebhook(secret, String(req.headers['kolo-signature'] ?? ''), raw);
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        /* kept as text */
      }
      deliveries.unshift({ at: new Date().toISOString(), event: String(req.headers['kolo-event'] ?? ''), verified, body });
      deliveries.length = Math.min(deliveries.length, KEEP);
      res.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/kolo-webhook`,
    deliveries,
    useSecret: (s) => void (secret = s),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
