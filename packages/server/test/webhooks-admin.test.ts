// Managing webhooks: owners only; every input limited and refused with the field named; the secret
// shown once and never in a list, the audit log or the server's log; plain http only where allowed;
// the delivery log's retention; two runs at once send each delivery once. Real HTTP on PGlite and PostgreSQL.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { urlProblem } from '../src/webhooks/hooks.ts';
import { signatureHeader } from '../src/webhooks/sign.ts';
import { configFromEnv, verifyWebhook } from '../src/index.ts';
import { drivers, serverFor } from './harness.ts';
import { receiver } from './receiver.ts';

describe('webhook addresses and signatures', () => {
  it('allows plain http only to localhost in development, or anywhere when KOLO_WEBHOOK_ALLOW_HTTP says so', () => {
    const dev = { production: false, allowHttp: false };
    expect(urlProblem('https://hooks.example/k', { production: true, allowHttp: false })).toBeUndefined();
    expect(urlProblem('http://127.0.0.1:9000/k', dev)).toBeUndefined();
    expect(urlProblem('http://localhost/k', dev)).toBeUndefined();
    expect(urlProblem('http://[::1]/k', dev)).toBeUndefined();
    expect(urlProblem('http://hooks.example/k', dev)).toMatch(/https/);
    expect(urlProblem('http://127.0.0.1.hooks.example/k', dev)).toMatch(/https/);
    expect(urlProblem('http://127.0.0.1/k', { production: true, allowHttp: false })).toMatch(/https/);
    expect(urlProblem('http://hooks.example/k', { production: true, allowHttp: true })).toBeUndefined();
  });

  it('reads its settings from the environment, strictly', () => {
    expect(configFromEnv({})).toMatchObject({ webhookRetryBaseMs: 10_000, webhookMaxAttempts: 8, webhookTimeoutMs: 5_000, webhookLogDays: 30, webhookAllowHttp: false });
    const env = { KOLO_WEBHOOK_RETRY_BASE_MS: '500', KOLO_WEBHOOK_MAX_ATTEMPTS: '3', KOLO_WEBHOOK_TIMEOUT_MS: '2000', KOLO_WEBHOOK_LOG_DAYS: '7', KOLO_WEBHOOK_ALLOW_HTTP: '1' };
    expect(configFromEnv(env)).toMatchObject({ webhookRetryBaseMs: 500, webhookMaxAttempts: 3, webhookTimeoutMs: 2000, webhookLogDays: 7, webhookAllowHttp: true });
    expect(() => configFromEnv({ KOLO_WEBHOOK_ALLOW_HTTP: 'yes' })).toThrow(/KOLO_WEBHOOK_ALLOW_HTTP/);
    expect(() => configFromEnv({ KOLO_WEBHOOK_MAX_ATTEMPTS: '-1' })).toThrow(/KOLO_WEBHOOK_MAX_ATTEMPTS/);
  });

  it('verifies a signature with the secret, within the tolerance, and nothing else', () => {
    const body = '{"id":"1","type":"poll.closed"}';
    const now = Date.UTC(2026, 11, 1);
    const header = signatureHeader('whsec_a', body, now);
    expect(verifyWebhook('whsec_a', header, body, 300, now + 299_000)).toBe(true);
    expect(verifyWebhook('whsec_a', header, body, 300, now + 301_000)).toBe(false);
    expect(verifyWebhook('whsec_b', header, body, 300, now)).toBe(false);
    expect(verifyWebhook('whsec_a', header, `${body} `, 300, now)).toBe(false);
    expect(verifyWebhook('whsec_a', header.replace(/t=\d+/, `t=${now / 1000 + 1}`), body, 300, now)).toBe(false);
    // a rotation: any v1 that matches
    expect(verifyWebhook('whsec_a', `${header},v1=${'0'.repeat(64)}`, body, 300, now)).toBe(true);
    for (const bad of [undefined, '', 'v1=abc', `t=x,${header.split(',')[1]}`, 'nonsense']) expect(verifyWebhook('whsec_a', bad, body, 300, now)).toBe(false);
  });
});

describe.each(drivers)('managing webhooks on $name', ({ url }) => {
  const kept: string[] = [];
  const log = new Writable({ write: (chunk, _enc, done) => (kept.push(String(chunk)), done()) });
  const ctx = serverFor(url, { logLevel: 'debug', logDestination: log });
  const good = { url: 'https://hooks.example/kolo', events: ['idea.submitted', 'sla.breached'] };
  let made: { id: string; secret: string };

  it('makes a webhook and shows its secret once: never in the list, the audit log or the log', async () => {
    const r = await ctx.api.admin('POST', '/webhooks', good);
    expect(r.status).toBe(201);
    made = r.body;
    expect(r.body).toMatchObject({ url: good.url, events: good.events, active: true });
    const list = await ctx.api.admin('GET', '/webhooks');
    expect(list.body.webhooks).toEqual([{ id: made.id, url: good.url, events: good.events, active: true, createdAt: r.body.createdAt }]);
    const audit = await ctx.api.admin('GET', '/audit');
    expect(audit.body.entries[0]).toMatchObject({ action: 'webhook.create', target: good.url, after: { id: made.id } });
    for (const text of [JSON.stringify(list.body), JSON.stringify(audit.body), kept.join('')]) expect(text).not.toContain(made.secret.slice(6));
    expect(kept.length).toBeGreaterThan(0);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ ...good, url: 'ftp://hooks.example/x' }, 'url'],
      [{ ...good, url: 'http://hooks.example/x' }, 'url'],
      [{ ...good, url: 'https://user:pass@hooks.example/x' }, 'url'],
      [{ ...good, url: `https://hooks.example/${'a'.repeat(2048)}` }, 'url'],
      [{ ...good, url: 42 }, 'url'],
      [{ url: good.url }, 'events'],
      [{ ...good, events: [] }, 'events'],
      [{ ...good, events: ['idea.deleted'] }, 'events.0'],
      [{ ...good, events: ['poll.closed', 'poll.closed'] }, 'events'],
    ];
    for (const [body, field] of cases) {
      const r = await ctx.api.admin('POST', '/webhooks', body);
      expect([r.status, r.body.error.field]).toEqual([400, field]);
    }
    expect((await ctx.api.admin('PUT', `/webhooks/${made.id}`, { active: 'no' })).body.error.field).toBe('active');
    expect((await ctx.api.admin('PUT', '/webhooks/nope', { active: false })).body.error.field).toBe('id');
    expect((await ctx.api.admin('GET', `/webhooks/${made.id}/deliveries?limit=1000`)).body.error.field).toBe('limit');
    expect((await ctx.api.admin('POST', `/webhooks/${made.id}/deliveries/x1/replay`)).body.error.field).toBe('delivery');
    expect((await ctx.api.admin('PUT', '/webhooks/0123456789abcdef', { active: false })).status).toBe(404);
    expect((await ctx.api.admin('DELETE', '/webhooks/0123456789abcdef')).status).toBe(404);
  });

  it('refuses moderators and analysts (403), reads and changes included', async () => {
    for (const role of ['moderator', 'analyst']) {
      const t = await ctx.api.admin('POST', '/tokens', { name: `hooks ${role}`, role });
      for (const [method, path, body] of [
        ['GET', '/webhooks'],
        ['POST', '/webhooks', good],
        ['PUT', `/webhooks/${made.id}`, { active: false }],
        ['DELETE', `/webhooks/${made.id}`],
        ['GET', `/webhooks/${made.id}/deliveries`],
        ['POST', `/webhooks/${made.id}/deliveries/1/replay`],
      ] as const) {
        const r = await ctx.api.admin(method, path, body, t.body.token);
        expect([method, path, r.status, r.body.error.rule]).toEqual([method, path, 403, 'owner']);
      }
    }
    expect((await ctx.api.admin('GET', '/webhooks')).body.webhooks[0].active).toBe(true);
  });

  it('pauses, resumes and deletes, each recorded before → after', async () => {
    expect((await ctx.api.admin('PUT', `/webhooks/${made.id}`, { active: false })).status).toBe(200);
    expect((await ctx.api.admin('DELETE', `/webhooks/${made.id}`)).status).toBe(200);
    expect((await ctx.api.admin('GET', '/webhooks')).body.webhooks).toEqual([]);
    const entries = (await ctx.api.admin('GET', '/audit')).body.entries as any[];
    expect(entries.slice(0, 2).map((e) => [e.action, e.before?.active ?? null, e.after?.active ?? null])).toEqual([
      ['webhook.delete', false, null],
      ['webhook.state', true, false],
    ]);
  });

  it('sends each due delivery once when two runs claim at once, and deletes the log past its retention', async () => {
    const hook = await receiver();
    try {
      const w = await ctx.api.admin('POST', '/webhooks', { url: hook.url, events: ['poll.closed'] });
      for (let i = 0; i < 30; i++) await ctx.server.store.events.publish(ctx.server.db, 'poll.closed', { kind: 'poll', id: `p${i}`, closesAt: new Date().toISOString(), counts: {} });
      const send = ctx.server.store.jobs.find((j) => j.name === 'webhooks')!.run;
      await Promise.all([send(), send(), send()]);
      await send();
      expect(hook.got).toHaveLength(30);
      expect(new Set(hook.got.map((g) => g.headers['kolo-delivery'])).size).toBe(30);
      await ctx.server.db.query(`update kolo_webhook_deliveries set created_at = now() - interval '31 days' where id in (select id from kolo_webhook_deliveries order by id limit 10)`);
      await ctx.server.jobs.run('expire-webhook-deliveries');
      const page = await ctx.api.admin('GET', `/webhooks/${w.body.id}/deliveries?limit=100`);
      expect(page.body.deliveries).toHaveLength(20);
      const [{ n }] = await ctx.server.db.query<{ n: number }>('select count(*)::int as n from kolo_webhook_attempts');
      expect(n).toBe(20);
      const first = await ctx.api.admin('GET', `/webhooks/${w.body.id}/deliveries?limit=15`);
      const rest = await ctx.api.admin('GET', `/webhooks/${w.body.id}/deliveries?limit=15&before=${first.body.next}`);
      expect([first.body.deliveries.length, rest.body.deliveries.length, rest.body.next]).toEqual([15, 5, undefined]);
    } finally {
      await hook.close();
    }
  });
});
