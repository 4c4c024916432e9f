/** The admin API's team routes: who am I, the named tokens (owners), the audit log and its export. */
import type { Hono } from 'hono';
import { auditQuerySchema, tokenCreateSchema, tokenParamsSchema } from '@kolo/core';
import type { Store } from '../store.ts';
import type { AdminEnv } from './admin-auth.ts';
import { attachment, done } from './admin-answers.ts';
import { body, isResponse, params } from './validate.ts';

export function teamRoutes(admin: Hono<AdminEnv>, store: Store) {
  admin.get('/me', (c) => {
    const { name, role } = c.get('member');
    return c.json({ name, role });
  });
  admin.get('/tokens', async (c) => c.json({ tokens: await store.tokens() }));
  // the answer holds the token: the only time it is shown
  admin.post('/tokens', async (c) => {
    const t = await body(c, tokenCreateSchema);
    if (isResponse(t)) return t;
    return done(c, () => store.createToken(t.name, t.role), (made) => made, 201);
  });
  admin.delete('/tokens/:id', async (c) => {
    const t = params(c, tokenParamsSchema, c.req.param());
    if (isResponse(t)) return t;
    return done(c, () => store.revokeToken(t.id));
  });
  admin.get('/audit', async (c) => {
    const q = params(c, auditQuerySchema, c.req.query());
    if (isResponse(q)) return q;
    return c.json(await store.auditPage(q.limit, q.before));
  });
  admin.get('/export/audit.csv', async (c) => attachment(c, 'kolo-audit.csv', await store.auditCsv()));
}
