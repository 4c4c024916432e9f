/**
 * The demo's own routes beside Vite's (they stand in for what a real site and a team's services have):
 * `POST /demo/sign-in` makes the demo site's identity token for a person; `GET /demo/inbox.json` lists
 * the mail the mailbox caught and the deliveries the webhook receiver got.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { Mail } from './mailbox.ts';
import type { Delivery } from './receiver.ts';
import { signIn } from './identity.ts';

export interface Outside {
  mails: Mail[];
  deliveries: Delivery[];
  identitySecret: string;
}

const send = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) if ((raw += chunk).length > 1024) break;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export const outsideRoutes = (o: Outside): Plugin => ({
  name: 'kolo-demo-outside',
  configureServer(server) {
    server.middlewares.use('/demo/inbox.json', (_req, res) => send(res, 200, { mails: o.mails, deliveries: o.deliveries }));
    server.middlewares.use('/demo/sign-in', (req, res) => {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST a person: {"user": "olena"}' });
      void readJson(req).then(async ({ user }) => {
        const token = await signIn(o.identitySecret, String(user ?? ''));
        if (token) send(res, 200, { token });
        else send(res, 400, { error: 'user: the demo knows olena and taras' });
      });
    });
  },
});
