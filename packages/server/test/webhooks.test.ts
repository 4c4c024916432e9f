// Webhook delivery: a change the team makes reaches a real local receiver as a signed body; failures
// are retried with growing waits until delivered once, or given up; replays; paused webhooks and
// unsubscribed events get nothing. Real HTTP on PGlite and PostgreSQL.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../src/index.ts';
import { drivers, idea, serverFor } from './harness.ts';
import { deadUrl, receiver } from './receiver.ts';

const board = { kind: 'ideas', id: 'hook-board', counts: {}, ideas: ['h1', 'h2', 'h3', 'h4'].map((id) => ({ id, title: `Idea ${id}`, status: 'pending', createdAt: '2026-11-01T09:00:00Z' })) };
const policy = { moderated: true, minFillMs: 0, maxPerDay: 100, titleMin: 4, titleMax: 140, detailsMax: 2000, categories: [] };

describe.each(drivers)('webhook delivery on $name', ({ url }) => {
  const ctx = serverFor(url, { webhookRetryBaseMs: 40, webhookMaxAttempts: 3, webhookTimeoutMs: 300 });
  let hook: Awaited<ReturnType<typeof receiver>>;
  let made: { id: string; secret: string };
  beforeAll(async () => {
    hook = await receiver();
  });
  afterAll(() => hook.close());

  const move = async (id: string, status: string) => expect((await ctx.api.admin('POST', `/ideas/ideas/hook-board/${id}`, { status })).status).toBe(200);
  const deliveries = async (webhook = made.id) => (await ctx.api.admin('GET', `/webhooks/${webhook}/deliveries`)).body.deliveries as any[];
  /** run the sending job until `webhook`'s newest delivery is no longer owed */
  const drain = async (webhook = made.id) => {
    for (let i = 0; i < 100; i++) {
      await ctx.server.jobs.run('webhooks');
      if ((await deliveries(webhook))[0]?.status !== 'pending') return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('still pending');
  };
  const attempts = async (delivery: string) =>
    ctx.server.db.query<{ n: number; code: number | null; error: string | null; excerpt: string | null; wait: number | null }>(
      `select n, code, error, excerpt, extract(epoch from retry_at - at) * 1000 as wait from kolo_webhook_attempts where delivery = $1 order by n`,
      [delivery],
    );

  it('delivers a status change as a signed body the secret shown at creation verifies', async () => {
    expect((await ctx.api.admin('POST', '/seed', board)).status).toBe(200);
    const r = await ctx.api.admin('POST', '/webhooks', { url: hook.url, events: ['idea.status_changed'] });
    expect(r.status).toBe(201);
    made = r.body;
    expect(made.secret).toMatch(/^whsec_[\w-]{43}$/);
    await move('h1', 'planned');
    expect(hook.got).toHaveLength(0); // owed, not sent: sending is the job's work
    await ctx.server.jobs.run('webhooks');
    expect(hook.got).toHaveLength(1);
    const [{ headers, body }] = hook.got;
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['kolo-signature']))!;
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(30);
    expect(v1).toBe(createHmac('sha256', made.secret).update(`${t}.${body}`).digest('hex'));
    expect(verifyWebhook(made.secret, headers['kolo-signature'] as string, body, 300)).toBe(true);
    expect(verifyWebhook(made.secret, headers['kolo-signature'] as string, body.replace('planned', 'declined'), 300)).toBe(false);
    expect(headers['kolo-event']).toBe('idea.status_changed');
    expect(headers['content-type']).toBe('application/json');
    const sent = JSON.parse(body);
    expect(Object.keys(sent)).toEqual(['id', 'type', 'at', 'data']);
    expect(sent).toMatchObject({ type: 'idea.status_changed', data: { kind: 'ideas', board: 'hook-board', previous: 'pending', item: { id: 'h1', status: 'planned' } } });
    const [d] = await deliveries();
    expect(d).toMatchObject({ id: headers['kolo-delivery'], eventId: sent.id, type: 'idea.status_changed', status: 'delivered', attempts: 1, lastCode: 200 });
    expect(d.nextAt).toBeUndefined();
    // sent once: another run sends nothing
    await ctx.server.jobs.run('webhooks');
    expect(hook.got).toHaveLength(1);
  });

  it('does not deliver event types the webhook did not ask for', async () => {
    const before = (await deliveries()).length;
    expect((await ctx.api.post('/v1/actions', idea('hook-board', 'author-9', 'Please add webhooks', policy))).status).toBe(200);
    await ctx.server.jobs.run('webhooks');
    expect(await deliveries()).toHaveLength(before);
    expect(hook.got).toHaveLength(1);
  });

  it('retries a receiver that fails (500, then no answer in time) with growing waits, and delivers once', async () => {
    hook.got.length = 0;
    hook.answer(500, 'hang');
    await move('h2', 'planned');
    await drain();
    expect(hook.got).toHaveLength(3);
    expect(new Set(hook.got.map((g) => g.headers['kolo-delivery'])).size).toBe(1);
    expect(new Set(hook.got.map((g) => g.body)).size).toBe(1);
    const [d] = await deliveries();
    expect(d).toMatchObject({ status: 'delivered', attempts: 3, lastCode: 200 });
    const tries = await attempts(d.id);
    expect(tries.map((a) => [a.n, a.code, a.error])).toEqual([
      [1, 500, null],
      [2, null, 'no answer within 300 ms'],
      [3, 200, null],
    ]);
    // a short excerpt of the answer, never the whole body
    expect(tries[0]!.excerpt!.length).toBeLessThanOrEqual(200);
    expect(tries[0]!.excerpt).toMatch(/^status 500: x+$/);
    // 40 ms × 4^(n-1), up to 20% more
    const waits = tries.map((a) => (a.wait === null ? null : Number(a.wait)));
    expect(waits[0]).toBeGreaterThanOrEqual(40);
    expect(waits[0]).toBeLessThanOrEqual(49);
    expect(waits[1]).toBeGreaterThanOrEqual(160);
    expect(waits[1]).toBeLessThanOrEqual(193);
    expect(waits[2]).toBeNull();
  });

  it('gives up after the attempts allowed, saying why', async () => {
    const dead = await ctx.api.admin('POST', '/webhooks', { url: await deadUrl(), events: ['idea.status_changed', 'poll.closed'] });
    expect(dead.status).toBe(201);
    await move('h3', 'planned');
    await drain(dead.body.id);
    const [d] = await deliveries(dead.body.id);
    expect(d).toMatchObject({ status: 'failed', attempts: 3, lastError: 'ECONNREFUSED' });
    expect(d.lastCode).toBeUndefined();
    expect(d.doneAt).toBeDefined();
    expect((await attempts(d.id)).map((a) => a.error)).toEqual(['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
    // the working webhook got its copy once
    await drain();
    expect((await deliveries())[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect((await ctx.api.admin('DELETE', `/webhooks/${dead.body.id}`)).status).toBe(200);
    expect((await ctx.api.admin('GET', `/webhooks/${dead.body.id}/deliveries`)).status).toBe(404);
  });

  it('replays a delivery: the same body again, now, recorded in the audit log', async () => {
    hook.got.length = 0;
    const old = (await deliveries()).at(-1)!;
    const r = await ctx.api.admin('POST', `/webhooks/${made.id}/deliveries/${old.id}/replay`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: old.id, status: 'pending' });
    await ctx.server.jobs.run('webhooks');
    expect(hook.got).toHaveLength(1);
    expect(hook.got[0]!.headers['kolo-delivery']).toBe(old.id);
    expect(JSON.parse(hook.got[0]!.body).data.item.id).toBe('h1');
    expect(verifyWebhook(made.secret, hook.got[0]!.headers['kolo-signature'] as string, hook.got[0]!.body)).toBe(true);
    expect((await deliveries()).find((d) => d.id === old.id)).toMatchObject({ status: 'delivered', attempts: 2 });
    const audit = (await ctx.api.admin('GET', '/audit')).body.entries as any[];
    const entry = audit.find((e) => e.action === 'webhook.replay');
    expect(entry).toMatchObject({ target: `${made.id}/${old.id}`, before: { status: 'delivered' }, after: { status: 'pending' } });
    expect((await ctx.api.admin('POST', `/webhooks/${made.id}/deliveries/999999/replay`)).status).toBe(404);
  });

  it('owes a paused webhook nothing, and delivers again once it is resumed', async () => {
    hook.got.length = 0;
    const paused = await ctx.api.admin('PUT', `/webhooks/${made.id}`, { active: false });
    expect(paused.body).toMatchObject({ id: made.id, active: false });
    const before = (await deliveries()).length;
    await move('h4', 'planned');
    await ctx.server.jobs.run('webhooks');
    expect(hook.got).toHaveLength(0);
    expect(await deliveries()).toHaveLength(before);
    expect((await ctx.api.admin('PUT', `/webhooks/${made.id}`, { active: true })).body.active).toBe(true);
    await move('h4', 'done');
    await ctx.server.jobs.run('webhooks');
    expect(hook.got.map((g) => JSON.parse(g.body).data.item.status)).toEqual(['done']);
  });

  it('counts attempts by outcome in the Prometheus metrics', async () => {
    const text = await (await fetch(`${ctx.server.url}/metrics`)).text();
    const value = (outcome: string) => Number(new RegExp(`^kolo_webhook_deliveries_total\\{outcome="${outcome}"\\} (\\d+)`, 'm').exec(text)?.[1]);
    expect(value('delivered')).toBeGreaterThanOrEqual(5);
    expect(value('retry')).toBeGreaterThanOrEqual(4);
    expect(value('failed')).toBe(1);
  });
});
