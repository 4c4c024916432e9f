/**
 * A changelog's public routes: a page of entries as JSON, the same as an Atom feed. Which boards it
 * covers is what the team registered (`kind: "changelog"`, rules `{ boards, title }`): never what a
 * client asks for, and an unregistered changelog is refused.
 */
import type { Context, Hono } from 'hono';
import { changelogQuerySchema, idSchema } from '@kolo/core';
import * as z from 'zod/mini';
import { checked } from '../view.ts';
import type { Store } from '../store.ts';
import { atomFeed } from '../changelog/atom.ts';
import { decodeChangelogCursor } from '../changelog/cursor.ts';
import { fail } from './errors.ts';
import { isResponse, params } from './validate.ts';

const idParams = z.object({ id: idSchema });

/** The changelog the address names and the page it asks for, or the answer refusing it. */
async function page(c: Context, store: Store) {
  const p = params(c, idParams, c.req.param());
  if (isResponse(p)) return p;
  const q = params(c, changelogQuerySchema, c.req.query());
  if (isResponse(q)) return q;
  const cursor = q.cursor === undefined ? undefined : decodeChangelogCursor(q.cursor);
  if (q.cursor !== undefined && !cursor) return fail(c, 'invalid', 'cursor: is not a cursor of this server', { field: 'cursor', rule: 'cursor' });
  const found = await store.changelog(p.id, q.limit, cursor);
  if (!found) return fail(c, 'unknown-widget', `changelog "${p.id}" is not registered on this server`);
  return { id: p.id, ...found };
}

/**
 * `publicUrl`: where clients reach this server (KOLO_PUBLIC_URL); the feed's ids and links start with
 * it. Without it (development) they start with the request's own address, which its Host header names.
 */
export function changelogRoutes(app: Hono, store: Store, publicUrl?: string) {
  app.get('/widgets/changelog/:id', async (c) => {
    const r = await page(c, store);
    return isResponse(r) ? r : c.json(checked(r.view));
  });

  app.get('/widgets/changelog/:id/feed.atom', async (c) => {
    const r = await page(c, store);
    if (isResponse(r)) return r;
    const asked = new URL(c.req.url);
    // (like the links in emails: the public address, then the path, so a prefix the proxy adds stays)
    const url = publicUrl ? new URL(`${publicUrl.replace(/\/+$/, '')}${asked.pathname}${asked.search}`) : asked;
    const id = url.origin + url.pathname;
    const next = r.view.next && `${id}?${new URLSearchParams({ cursor: r.view.next, ...(c.req.query('limit') ? { limit: c.req.query('limit')! } : {}) })}`;
    return c.body(atomFeed(r.view, { self: url.href, id, title: r.changelog.title ?? `Changelog: ${r.id}`, next }), 200, {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': 'public, max-age=60',
    });
  });
}
