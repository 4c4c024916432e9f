// The anchors' shared HTTP side: the smallest Hono app that takes the benchmark's vote (the same
// body as Kolo's `POST /v1/actions`) and answers a poll's counts (`GET /v1/widgets/poll/:id`), over
// a database given as two functions. No rules, no idempotency, no live updates: the floor to compare with.
import { Hono } from 'hono';
import { serve } from '@hono/node-server';

/** The ballots and counters of the anchors (the same tables on PostgreSQL and PGlite). */
export const SCHEMA = `
create table if not exists ballots (poll text not null, voter text not null, choices jsonb not null, primary key (poll, voter));
create table if not exists counts (poll text not null, choice text not null, n int not null default 0, primary key (poll, choice));`;

const view = (rows) => {
  const counts = Object.fromEntries(rows.map((r) => [r.choice, Number(r.n)]));
  return { counts, voters: Object.values(counts).reduce((a, b) => a + b, 0) };
};

/**
 * Serve `vote(poll, voter, choices)` (one transaction: the ballot `on conflict do nothing`, the counter
 * upsert, the counts returned) and `counts(poll)`; prints `anchor listening on <port>` when ready.
 */
export function serveAnchor(name, { vote, counts }) {
  const app = new Hono();
  app.post('/v1/actions', async (c) => {
    const a = await c.req.json().catch(() => null);
    const ok = a && typeof a.voter === 'string' && typeof a.widget?.id === 'string' && Array.isArray(a.choices) && a.choices.length === 1 && typeof a.choices[0] === 'string';
    if (!ok) return c.json({ error: { reason: 'invalid' } }, 400);
    return c.json(view(await vote(a.widget.id, a.voter, a.choices)));
  });
  app.get('/v1/widgets/poll/:id', async (c) => c.json(view(await counts(c.req.param('id')))));
  serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, (info) => console.log(`${name} anchor listening on ${info.port}`));
}
