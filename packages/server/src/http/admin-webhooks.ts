/** The admin API's webhooks (owners): make one (its secret shown once), list, pause or resume, delete; the delivery log and replays. */
import type { Hono } from 'hono';
import { deliveriesQuerySchema, deliveryParamsSchema, webhookCreateSchema, webhookParamsSchema, webhookStateSchema } from '@kolo/core';
import type { Store } from '../store.ts';
import type { AdminEnv } from './admin-auth.ts';
import { done } from './admin-answers.ts';
import { fail } from './errors.ts';
import { body, isResponse, params } from './validate.ts';

export function webhookRoutes(admin: Hono<AdminEnv>, store: Store) {
  admin.get('/webhooks', async (c) => c.json({ webhooks: await store.webhooks() }));
  // the answer holds the secret: the only time it is shown
  admin.post('/webhooks', async (c) => {
    const w = await body(c, webhookCreateSchema);
    if (isResponse(w)) return w;
    const problem = store.webhookUrlProblem(w.url);
    if (problem) return fail(c, 'invalid', `url: ${problem}`, { field: 'url', rule: 'https' });
    return done(c, () => store.createWebhook(w), (made) => made, 201);
  });
  admin.put('/webhooks/:id', async (c) => {
    const p = params(c, webhookParamsSchema, c.req.param());
    if (isResponse(p)) return p;
    const s = await body(c, webhookStateSchema);
    if (isResponse(s)) return s;
    return done(c, () => store.setWebhookActive(p.id, s.active), (w) => w);
  });
  admin.delete('/webhooks/:id', async (c) => {
    const p = params(c, webhookParamsSchema, c.req.param());
    if (isResponse(p)) return p;
    return done(c, () => store.deleteWebhook(p.id));
  });
  admin.get('/webhooks/:id/deliveries', async (c) => {
    const p = params(c, webhookParamsSchema, c.req.param());
    if (isResponse(p)) return p;
    const q = params(c, deliveriesQuerySchema, c.req.query());
    if (isResponse(q)) return q;
    return done(c, () => store.deliveries(p.id, q.limit, q.before), (page) => page);
  });
  admin.post('/webhooks/:id/deliveries/:delivery/replay', async (c) => {
    const p = params(c, deliveryParamsSchema, c.req.param());
    if (isResponse(p)) return p;
    return done(c, () => store.replayDelivery(p.id, p.delivery), (d) => d);
  });
}
