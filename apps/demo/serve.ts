/**
 * The demo command (`bash scripts/kolo.sh demo`): Kolo's server on PGlite (data in .kolo-data/demo)
 * with the demo site's widgets registered from its pages and their starting numbers, and the Vite
 * demo using it. Stop with Ctrl+C.
 * Beside them, what the server talks to in the outside world, on loopback (./outside): a mailbox
 * (SMTP) catching the mail it sends people who follow an idea, a webhook receiver checking each
 * delivery's signature, and the demo site's sign-in making identity tokens; the Inbox page shows them.
 * Env: KOLO_DEMO_PORT (5173), KOLO_DEMO_API_PORT (8787), KOLO_DATA_DIR.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import { configFromEnv, definitionsFromHtml, startServer } from '@kolo/server';
import { EVENT_TYPES } from '@kolo/core';
import { renderWidgets } from '@kolo/widgets/ssr';
import { seeds } from './src/seed.ts';
import { startMailbox } from './outside/mailbox.ts';
import { startReceiver } from './outside/receiver.ts';
import { IDENTITY_AUDIENCE } from './outside/identity.ts';
import { outsideRoutes } from './outside/routes.ts';

const port = Number(process.env.KOLO_DEMO_PORT ?? 5173);
const apiPort = Number(process.env.KOLO_DEMO_API_PORT ?? 8787);
const root = fileURLToPath(new URL('.', import.meta.url));
// the demo server listens on loopback only; its admin token (random unless given) is for the demo's team console
const token = process.env.KOLO_ADMIN_TOKEN ?? randomBytes(32).toString('base64url');
const dataDir = process.env.KOLO_DATA_DIR ?? fileURLToPath(new URL('../../.kolo-data/demo', import.meta.url));

const mailbox = await startMailbox();
const receiver = await startReceiver();
// the secret the demo site signs its people's identity tokens with, shared with Kolo's server
const identitySecret = randomBytes(32).toString('base64url');
const site = `http://127.0.0.1:${port}`;

const api = await startServer({
  ...configFromEnv({
    ...process.env,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    KOLO_DATA_DIR: dataDir,
    KOLO_ADMIN_TOKEN: token,
    // a request log line per request would bury the demo's own lines (KOLO_LOG_LEVEL=info shows them)
    KOLO_LOG_LEVEL: process.env.KOLO_LOG_LEVEL ?? 'warn',
    KOLO_ORIGINS: `http://127.0.0.1:${port},http://localhost:${port}`,
    // the team console is served by Vite, on another origin than the API
    KOLO_ADMIN_ORIGINS: `http://127.0.0.1:${port},http://localhost:${port}`,
    // a signed-in person is one voter on every browser (the demo site signs their tokens: ./outside/identity.ts)
    KOLO_IDENTITY_SECRET: identitySecret,
    KOLO_IDENTITY_AUDIENCE: IDENTITY_AUDIENCE,
    // mail to people who follow an idea goes to the demo's mailbox
    KOLO_SMTP_URL: mailbox.url,
    KOLO_MAIL_FROM: 'Kolo demo <kolo@demo.example>',
    KOLO_PUBLIC_URL: `http://127.0.0.1:${apiPort}`,
  }),
  // a digest waits 5 seconds for more news, not 10 minutes
  digestMs: 5000,
});
// the demo's webhook receiver gets every event; a webhook left by an earlier run (another secret) goes first
for (const hook of await api.store.webhooks()) if (hook.url.endsWith('/kolo-webhook') && new URL(hook.url).hostname === '127.0.0.1') await api.store.deleteWebhook(hook.id);
receiver.useSecret((await api.store.createWebhook({ url: receiver.url, events: [...EVENT_TYPES] })).secret);
// the widgets the pages define, registered as `kolo-server register` would (a production server runs
// only these); once registered, their rules change in the console only, so a restart keeps the team's edits
const pages = ['index.html', 'ideas.html', 'help.html'].map((page) => definitionsFromHtml(readFileSync(`${root}${page}`, 'utf8')));
const problems = pages.flatMap((p) => p.problems);
if (problems.length) throw new Error(`the demo pages define widgets badly: ${JSON.stringify(problems)}`);
const registered = new Set((await api.store.widgets()).filter((w) => w.rules).map((w) => `${w.kind}:${w.id}`));
await api.store.define(pages.flatMap((p) => p.definitions).filter((d) => !registered.has(`${d.kind}:${d.id}`)));
// the ideas page's changelog lists what shipped on its English boards (the team may change which in the console)
if (!registered.has('changelog:shipped')) await api.store.define([{ kind: 'changelog', id: 'shipped', rules: { boards: ['ideas:roadmap', 'questions:friday'] } }]);
for (const [key, seed] of Object.entries(seeds)) {
  const [kind, id] = key.split(':') as [string, string];
  await api.store.seed({ kind, id, counts: seed.counts, ...(seed.voters ? { voters: seed.voters } : {}), ...(seed.ideas ? { ideas: seed.ideas } : {}) });
}

process.env.VITE_KOLO_SERVER = api.url;
process.env.VITE_KOLO_ADMIN_TOKEN = token;
/** `/ssr.html` rendered on the server: every widget arrives as declarative shadow DOM (`@kolo/widgets/ssr`). */
const ssrPage: Plugin = {
  name: 'kolo-ssr-page',
  transformIndexHtml: { order: 'post', handler: (html, ctx) => (ctx.path === '/ssr.html' ? renderWidgets(html) : html) },
};
const outside = outsideRoutes({ mails: mailbox.mails, deliveries: receiver.deliveries, identitySecret });
const vite = await createServer({ root, configFile: `${root}vite.config.ts`, server: { port, host: '127.0.0.1', strictPort: true }, plugins: [ssrPage, outside] });
await vite.listen();
console.log(`
Kolo demo is running.
  Polls, A/B choice, quiz, reactions  ${site}/
  Ideas and AMA questions             ${site}/ideas.html
  FAQ, help banner, disclosure        ${site}/help.html
  Rendered on the server (SSR)        ${site}/ssr.html
  Team console                        ${site}/console.html  (admin token: ${token})
  Inbox: mail and webhooks sent       ${site}/inbox.html
  Kolo's server (PGlite)              ${api.url}  (data in ${dataDir})
Open a page in two windows to see votes arrive live. Stop with Ctrl+C.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await vite.close();
    await api.close();
    await Promise.all([mailbox.close(), receiver.close()]);
    process.exit(0);
  });
}
