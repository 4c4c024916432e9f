import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { createHash, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { tallySchema, type Tally } from '@kolo/core';
import type { Store } from './store.ts';
import { siteMetrics } from './metrics.ts';
import { toCsv } from './csv.ts';
import { actionSchema, banSchema, invalid, mergeSchema, moderateSchema, seedSchema, signalsSchema, stopWordsSchema, widgetSettingsSchema } from './protocol.ts';

export interface AppOptions {
  store: Store;
  /** widget changes, from this server and (through LISTEN/NOTIFY) every other one on the database */
  subscribe: (key: string, fn: () => void) => () => void;
  adminToken: string | undefined;
  /** site origins allowed to call the API from a browser; `*` for any */
  origins: string[];
  /** the salt of IP hashes */
  ipSalt: string;
  /** the client's IP address */
  ip: (c: Context) => string;
  bodyLimit: number;
  /** SSE heartbeat, ms */
  heartbeat?: number | undefined;
  /** the open live streams' stop functions, so a shutdown can end them */
  streams: Set<() => void>;
}

const kinds = z.enum(['poll', 'choice', 'reactions', 'quiz', 'faq', 'ideas', 'questions']);
const widgetParams = z.object({ kind: kinds, id: z.string().min(1).max(200).regex(/^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u, 'letters, digits, "-", "_", "." and ":" only') });
const voterQuery = z.object({ voter: z.string().min(1).max(100) });
const boardParams = z.object({ kind: z.enum(['ideas', 'questions']), board: widgetParams.shape.id });

/**
 * A tally checked against the protocol before it goes out. The counts go out as they are: a choice
 * id is data, and zod's record would drop one named `__proto__`.
 */
const checked = (t: Tally) => ({ ...tallySchema.parse(t), counts: t.counts });

const problem = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });

/** The HTTP protocol (documented in README.md): one set of routes for every widget kind. */
export function createApp(o: AppOptions) {
  const app = new Hono();
  const hashIp = (ip: string) => createHash('sha256').update(`${o.ipSalt}:${ip}`).digest('hex').slice(0, 32);

  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }));
  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (o.origins.includes('*') ? origin || '*' : o.origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowHeaders: ['Content-Type', 'Authorization'],
      maxAge: 600,
    }),
  );
  app.use('/v1/*', bodyLimit({ maxSize: o.bodyLimit, onError: (c) => c.json(problem('too-large', `the body is larger than ${o.bodyLimit} bytes`), 413) }));
  app.notFound((c) => c.json(problem('not-found', `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError((e, c) => {
    console.error(e);
    return c.json(problem('internal', 'something went wrong on the server'), 500);
  });

  /** The parsed JSON body, or a 400 answer. */
  async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T> | Response> {
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return c.json(problem('invalid', '(body): not valid JSON', { field: '(body)', rule: 'json' }), 400);
    }
    const r = schema.safeParse(raw);
    return r.success ? r.data : c.json(invalid(r.error), 400);
  }
  function params<T extends z.ZodType>(c: Context, schema: T, value: unknown): z.infer<T> | Response {
    const r = schema.safeParse(value);
    return r.success ? r.data : c.json(invalid(r.error), 400);
  }
  const isResponse = (v: unknown): v is Response => v instanceof Response;

  app.get('/v1/health', (c) => c.json({ ok: true }));

  app.get('/v1/widgets/:kind/:id', async (c) => {
    const w = params(c, widgetParams, c.req.param());
    if (isResponse(w)) return w;
    const q = params(c, voterQuery, c.req.query());
    if (isResponse(q)) return q;
    return c.json(checked(await o.store.load(w.kind, w.id, q.voter)));
  });

  /** Live tallies of one or more widgets for one voter: `tally` events with `{ widget, tally }`. */
  function live(c: Context, widgets: { kind: string; id: string }[], voter: string) {
    return streamSSE(c, async (stream) => {
      let closed = false;
      const dirty = new Set(widgets.map((w) => `${w.kind}|${w.id}`));
      let wake = () => {};
      const stops = [...dirty].map((key) =>
        o.subscribe(key, () => {
          dirty.add(key);
          wake();
        }),
      );
      const end = () => {
        closed = true;
        wake();
      };
      stream.onAbort(end);
      o.streams.add(end);
      const beat = setInterval(() => void stream.write(': ping\n\n').catch(() => {}), o.heartbeat ?? 25_000);
      try {
        while (!closed) {
          for (const key of [...dirty]) {
            dirty.delete(key);
            const [kind, id] = key.split('|') as [string, string];
            const tally = checked(await o.store.load(kind, id, voter));
            await stream.writeSSE({ event: 'tally', data: JSON.stringify({ widget: { kind, id }, tally }) });
          }
          if (!dirty.size && !closed) await new Promise<void>((r) => (wake = r));
        }
      } finally {
        clearInterval(beat);
        stops.forEach((stop) => stop());
        o.streams.delete(end);
      }
    });
  }

  app.get('/v1/widgets/:kind/:id/events', async (c) => {
    const w = params(c, widgetParams, c.req.param());
    if (isResponse(w)) return w;
    const q = params(c, voterQuery, c.req.query());
    if (isResponse(q)) return q;
    return live(c, [w], q.voter);
  });

  // one stream for every widget of a page (browsers allow only ~6 connections per server over HTTP/1.1)
  app.get('/v1/events', async (c) => {
    const q = params(c, voterQuery.extend({ widgets: z.string().max(8000) }), c.req.query());
    if (isResponse(q)) return q;
    const list = q.widgets.split(',').filter(Boolean).map((w) => {
      const i = w.indexOf(':');
      return { kind: w.slice(0, i), id: w.slice(i + 1) };
    });
    const widgets = params(c, z.array(widgetParams).min(1).max(50), list);
    if (isResponse(widgets)) return widgets;
    return live(c, widgets, q.voter);
  });

  app.post('/v1/actions', async (c) => {
    const a = await body(c, actionSchema);
    if (isResponse(a)) return a;
    const answered = await o.store.act(a, { ipHash: hashIp(o.ip(c)) });
    if (answered.status === 200) tallySchema.parse(answered.body);
    const retry = (answered.body as { error?: { retryAfter?: number } }).error?.retryAfter;
    if (retry) c.header('Retry-After', String(retry));
    return c.json(answered.body as object, answered.status as 200);
  });

  app.post('/v1/signals', async (c) => {
    const s = await body(c, signalsSchema);
    if (isResponse(s)) return s;
    await o.store.signals(s.signals);
    return c.body(null, 204);
  });

  // ---- admin: a bearer token from the environment ----
  const admin = new Hono();
  admin.use('*', async (c, next) => {
    const given = Buffer.from((c.req.header('authorization') ?? '').replace(/^Bearer\s+/i, ''));
    const expected = Buffer.from(o.adminToken ?? '');
    if (!o.adminToken || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return c.json(problem('unauthorized', 'an admin bearer token is required'), 401);
    }
    await next();
  });

  admin.get('/ideas/:kind/:board', async (c) => {
    const b = params(c, boardParams, c.req.param());
    if (isResponse(b)) return b;
    return c.json({ ideas: await o.store.ideas(b.kind, b.board, c.req.query('status')) });
  });
  admin.get('/queue', async (c) => c.json({ ideas: await o.store.allIdeas(true) }));
  admin.get('/widgets', async (c) => c.json({ widgets: await o.store.widgets() }));
  admin.get('/bans', async (c) => c.json({ bans: await o.store.bans() }));
  const attachment = (c: Context, name: string, body: string) =>
    c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
  // results: one row per widget and counter (a poll's options, a quiz's questions, a board's upvotes per idea)
  admin.get('/export/results.csv', async (c) => {
    const rows = (await o.store.widgets()).flatMap((w) => Object.entries(w.counts).map(([choice, n]) => [w.kind, w.id, choice, n, w.voters]));
    return attachment(c, 'kolo-results.csv', toCsv(['kind', 'widget', 'choice', 'count', 'voters'], rows));
  });
  // ideas and questions of every board; the contacts people left only when asked for (`?contact=1`)
  admin.get('/export/ideas.csv', async (c) => {
    const contact = c.req.query('contact') === '1';
    const header = ['kind', 'board', 'id', 'title', 'details', 'category', 'status', 'votes', 'created_at', 'first_response_at', 'answer', 'link', 'reason', 'merged_into', 'author', ...(contact ? ['contact'] : [])];
    const rows = (await o.store.allIdeas()).map((i) => [i.kind, i.board, i.id, i.title, i.details, i.category, i.status, i.votes, i.createdAt, i.firstResponseAt, i.answer, i.link, i.reason, i.mergedInto, i.author, ...(contact ? [i.contact] : [])]);
    return attachment(c, 'kolo-ideas.csv', toCsv(header, rows));
  });
  admin.get('/queue/:kind/:board', async (c) => {
    const b = params(c, boardParams, c.req.param());
    if (isResponse(b)) return b;
    return c.json({ ideas: await o.store.ideas(b.kind, b.board, 'pending') });
  });
  admin.post('/ideas/:kind/:board/:idea', async (c) => {
    const b = params(c, boardParams, c.req.param());
    if (isResponse(b)) return b;
    const d = await body(c, moderateSchema);
    if (isResponse(d)) return d;
    return refusals(c, () => o.store.moderate(b.kind, b.board, c.req.param('idea'), d));
  });
  admin.post('/ideas/:kind/:board/:idea/merge', async (c) => {
    const b = params(c, boardParams, c.req.param());
    if (isResponse(b)) return b;
    const m = await body(c, mergeSchema);
    if (isResponse(m)) return m;
    return refusals(c, () => o.store.merge(b.kind, b.board, c.req.param('idea'), m.into));
  });
  admin.put('/widgets/:kind/:id', async (c) => {
    const w = params(c, widgetParams, c.req.param());
    if (isResponse(w)) return w;
    const s = await body(c, widgetSettingsSchema);
    if (isResponse(s)) return s;
    await o.store.settings(w.kind, w.id, s);
    return c.json({ ok: true });
  });
  admin.post('/bans', async (c) => {
    const b = await body(c, banSchema);
    if (isResponse(b)) return b;
    await o.store.ban(b);
    return c.json({ ok: true });
  });
  admin.delete('/bans/:type/:value', async (c) => {
    const b = params(c, banSchema.pick({ type: true, value: true }), c.req.param());
    if (isResponse(b)) return b;
    await o.store.unban(b.type, b.value);
    return c.json({ ok: true });
  });
  admin.get('/stop-words/:lang', async (c) => c.json({ words: await o.store.stopWords(c.req.param('lang').slice(0, 20)) }));
  admin.put('/stop-words/:lang', async (c) => {
    const s = await body(c, stopWordsSchema);
    if (isResponse(s)) return s;
    return c.json({ words: await o.store.stopWords(c.req.param('lang').slice(0, 20), s.words) });
  });
  admin.post('/seed', async (c) => {
    const s = await body(c, seedSchema);
    if (isResponse(s)) return s;
    return c.json({ seeded: await o.store.seed(s) });
  });
  const metricsQuery = z.object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    tz: z.string().max(60).default('UTC').refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'an IANA time zone such as Europe/Kyiv'),
    target: z.coerce.number().min(0).max(10000).default(2),
    // working days and hours, e.g. "1-5,9-18" (Monday to Friday, 9:00 to 18:00); empty for wall-clock hours
    work: z.string().regex(/^([1-7])-([1-7]),(\d{1,2})-(\d{1,2})$/, 'days-days,hour-hour such as 1-5,9-18').optional(),
  });
  admin.get('/metrics', async (c) => {
    const q = params(c, metricsQuery, c.req.query());
    if (isResponse(q)) return q;
    if (Date.parse(q.from) > Date.parse(q.to)) return c.json(problem('invalid', 'from: must not be after to', { field: 'from', rule: 'range' }), 400);
    const w = q.work?.split(/[-,]/).map(Number);
    const workingHours = w && { timeZone: q.tz, days: Array.from({ length: w[1]! - w[0]! + 1 }, (_, i) => w[0]! + i), start: w[2]!, end: w[3]! };
    return c.json(await siteMetrics(o.store, { from: q.from, to: q.to, timeZone: q.tz, targetHours: q.target, workingHours }));
  });

  /** The hash a ban on an IP needs (the server never stores addresses). */
  admin.get('/ip-hash/:ip', (c) => c.json({ hash: hashIp(c.req.param('ip')) }));

  async function refusals(c: Context, fn: () => Promise<unknown>) {
    try {
      await fn();
      return c.json({ ok: true });
    } catch (e) {
      const err = e as { code?: string; reason?: string; message: string };
      if (err.code !== 'rejected') throw e;
      return c.json(problem('rejected', err.message, { reason: err.reason }), err.reason === 'not-found' ? 404 : 409);
    }
  }

  app.route('/v1/admin', admin);
  return app;
}
