/**
 * Following by email (documented in README.md): `POST /follows` (a voter follows an item), and the
 * links of the messages: `GET /follows/confirm`, `GET` and `POST /follows/unfollow` (RFC 8058's
 * one-click POST). Links answer small HTML pages; nothing logged names an email or a token.
 */
import { Hono, type Context } from 'hono';
import { FOLLOW_LIMITS, KoloError, followSchema, followTokenSchema } from '@kolo/core';
import type { Store } from '../store.ts';
import { fail, refusal, answer } from './errors.ts';
import { body, isResponse, params } from './validate.ts';
import { confirmedPage, expiredPage, unfollowPage, unfollowedPage } from '../follows/pages.ts';

export interface FollowRoutesOptions {
  store: Store;
  ipHash: (c: Context) => string;
  /** whose request (the voter header), or the 400 answer */
  voterOf: (c: Context) => string | Response;
}

export function followRoutes(o: FollowRoutesOptions) {
  const app = new Hono();
  const follows = o.store.follows;

  app.post('/follows', async (c) => {
    if (!follows) return fail(c, 'notifications-off', 'this server sends no email: following is off (no KOLO_SMTP_URL)');
    const voter = o.voterOf(c);
    if (isResponse(voter)) return voter;
    const f = await body(c, followSchema);
    if (isResponse(f)) return f;
    const asks = [
      { key: `follow:v:${voter}`, cost: 1, perMinute: FOLLOW_LIMITS.perVoter },
      { key: `follow:ip:${o.ipHash(c)}`, cost: 1, perMinute: FOLLOW_LIMITS.perIp },
    ];
    const got = await o.store.take(asks);
    const short = asks.map((a) => got.get(a.key)).find((g) => g && g.taken < 1);
    if (short) {
      const wait = Math.max(1, Math.ceil(short.wait));
      c.header('Retry-After', String(wait));
      return fail(c, 'rate', 'too many follows; wait a moment', { retryAfter: wait });
    }
    try {
      return c.json(await follows.follow({ ...f, voter }), 202);
    } catch (e) {
      if (e instanceof KoloError) return answer(c, refusal(e));
      throw e;
    }
  });

  const html = (c: Context, page: string, status: 200 | 404 = 200) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(page, status);
  };
  const tokenOf = (c: Context) => params(c, followTokenSchema, { token: c.req.query('token') });

  app.get('/follows/confirm', async (c) => {
    const t = tokenOf(c);
    if (isResponse(t)) return t;
    const done = follows && (await follows.confirm(t.token));
    return done ? html(c, confirmedPage(done.lang, done.titles)) : html(c, expiredPage('en', true), 404);
  });
  app.get('/follows/unfollow', async (c) => {
    const t = tokenOf(c);
    if (isResponse(t)) return t;
    const target = follows && (await follows.target(t.token));
    return target ? html(c, unfollowPage(target.lang, target.idea ? (target.titles[0] ?? '') : undefined)) : html(c, expiredPage('en', false), 404);
  });
  app.post('/follows/unfollow', async (c) => {
    const t = tokenOf(c);
    if (isResponse(t)) return t;
    const done = follows && (await follows.unfollow(t.token));
    return done ? html(c, unfollowedPage(done.lang)) : html(c, expiredPage('en', false), 404);
  });
  return app;
}
