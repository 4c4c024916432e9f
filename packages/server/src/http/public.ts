/** The public protocol (documented in README.md): one set of routes for every widget kind. */
import { Hono, type Context } from 'hono';
import { type View, SIGNED_VOTER_PREFIX, isSignedVoter, actionSchema, boardPageQuerySchema, isBoardKind, eventsQuerySchema, similarQuerySchema, signalBatchSchema, streamWidgetsSchema, voterHeaderSchema, widgetParamsSchema } from '@kolo/core';
import { IDENTITY_HEADER, VOTER_HEADER } from '@kolo/core/http';
import type { IdentityVerifier } from '../identity/verify.ts';
import { checked } from '../view.ts';
import { boardQuery, isRefused } from '../boards/query.ts';
import type { Live } from '../live.ts';
import type { Store } from '../store.ts';
import { answer, fail, invalid } from './errors.ts';
import { body, isResponse, params } from './validate.ts';
import { changelogRoutes } from './changelog.ts';
import { followRoutes } from './follows.ts';

export interface PublicOptions {
  store: Store;
  live: Live;
  /** the salted hash of the client's IP address */
  ipHash: (c: Context) => string;
  /** told of each action's type and outcome (`accepted` or the refusal's reason): the metrics */
  onAction?: (type: string, outcome: string) => void;
  /** checks a `Kolo-Identity` token (the identity is never taken from a body) */
  identity: IdentityVerifier;
  /** the server's public address, for links it makes (the Atom feed's) */
  publicUrl?: string | undefined;
}

export function publicRoutes(o: PublicOptions) {
  const app = new Hono();
  // before the routes of every kind: a changelog's page is its own
  changelogRoutes(app, o.store, o.publicUrl);
  readRoutes(app, o);
  writeRoutes(app, o);
  app.route('/', followRoutes({ store: o.store, ipHash: o.ipHash, voterOf }));
  return app;
}

/**
 * Whose view: the `Kolo-Voter` header. A voter id in the address is refused, so a client that still
 * puts it there (where proxy and access logs keep it) finds out at once.
 */
function voterOf(c: Context): string | Response {
  if (c.req.query('voter') !== undefined) {
    return fail(c, 'invalid', `voter: send the voter id in the ${VOTER_HEADER} header, not in the address`, { field: 'voter', rule: 'header' });
  }
  const h = voterHeaderSchema.safeParse(c.req.header(VOTER_HEADER));
  if (!h.success) return answer(c, invalid(h.error.issues.map((i) => ({ ...i, path: [VOTER_HEADER] }))));
  return isSignedVoter(h.data) ? signedRefused(c, VOTER_HEADER) : h.data;
}

/** An anonymous voter id may not pass for a signed one: those the server makes from an identity token only. */
const signedRefused = (c: Context, field: string) =>
  fail(c, 'invalid-voter', `${field}: voter ids starting with "${SIGNED_VOTER_PREFIX}" are the server's own (send a ${IDENTITY_HEADER} token instead)`, { field, rule: 'prefix' });

/** Whose view a read is: the browser's, or the signed person's a valid token names (under the widget's identity policy). */
async function readerOf(c: Context, o: PublicOptions, kind: string, id: string): Promise<string | Response> {
  const voter = voterOf(c);
  if (isResponse(voter)) return voter;
  const who = await o.store.reader(kind, id, voter, await o.identity(c.req.header(IDENTITY_HEADER)));
  return 'refused' in who ? answer(c, who.refused) : who.voter;
}

/** A widget's tally, once or live. */
function readRoutes(app: Hono, o: PublicOptions) {
  app.get('/widgets/:kind/:id', async (c) => {
    const w = params(c, widgetParamsSchema, c.req.param());
    if (isResponse(w)) return w;
    const voter = await readerOf(c, o, w.kind, w.id);
    if (isResponse(voter)) return voter;
    if (!isBoardKind(w.kind)) return c.json(checked(await o.store.load(w.kind, w.id, voter)));
    // a board answers one page: sort, filters, search words, cursor and size from the address
    const p = params(c, boardPageQuerySchema, c.req.query());
    if (isResponse(p)) return p;
    const page = boardQuery(p);
    if (isRefused(page)) return fail(c, 'invalid', page.message, { field: page.field, rule: page.rule });
    // "We usually reply within N hours" (../service/usual.ts): absent with too few answers
    const [loaded, hours] = await Promise.all([o.store.load(w.kind, w.id, voter, page), o.store.usualReply(w.kind, w.id)]);
    const v = checked(loaded);
    // a board's form token and usual reply time go in this answer only (live updates are the same for every subscriber)
    v.form = o.store.formToken(w.kind, w.id);
    if (hours !== undefined) v.replyHours = hours;
    // people may follow its ideas by email (this server sends email)
    if (o.store.follows) v.notify = true;
    return c.json(v);
  });

  // ideas like a title being typed, for boards too big for the browser to hold
  app.get('/widgets/:kind/:id/similar', async (c) => {
    const w = params(c, widgetParamsSchema, c.req.param());
    if (isResponse(w)) return w;
    if (!isBoardKind(w.kind)) return fail(c, 'invalid', 'kind: similar ideas are for boards of ideas or questions', { field: 'kind', rule: 'board' });
    const voter = await readerOf(c, o, w.kind, w.id);
    if (isResponse(voter)) return voter;
    const q = params(c, similarQuerySchema, c.req.query());
    if (isResponse(q)) return q;
    return c.json(checked(await o.store.similar(w.kind, w.id, voter, q.title)));
  });

  app.get('/widgets/:kind/:id/events', async (c) => {
    const w = params(c, widgetParamsSchema, c.req.param());
    if (isResponse(w)) return w;
    // a stream is the same for every voter (public views), but the protocol still asks who follows it
    const voter = voterOf(c);
    if (isResponse(voter)) return voter;
    return o.live.stream(c, [w], o.ipHash(c));
  });

  // one stream for every widget of a page (browsers allow only ~6 connections per server over HTTP/1.1)
  app.get('/events', async (c) => {
    const q = params(c, eventsQuerySchema, c.req.query());
    if (isResponse(q)) return q;
    const widgets = params(c, streamWidgetsSchema, q.widgets);
    if (isResponse(widgets)) return widgets;
    const voter = voterOf(c);
    if (isResponse(voter)) return voter;
    return o.live.stream(c, widgets, o.ipHash(c));
  });
}

/** Actions and signals. */
function writeRoutes(app: Hono, o: PublicOptions) {
  app.post('/actions', async (c) => {
    const a = await body(c, actionSchema);
    if (isResponse(a)) return a;
    if (isSignedVoter(a.voter)) return signedRefused(c, 'voter');
    const answered = await o.store.act(a, { ipHash: o.ipHash(c), identity: await o.identity(c.req.header(IDENTITY_HEADER)) });
    o.onAction?.(a.type, answered.status === 200 ? 'accepted' : ((answered.body as { error?: { reason?: string } }).error?.reason ?? String(answered.status)));
    if (answered.status === 200) checked(answered.body as View);
    const retry = (answered.body as { error?: { retryAfter?: number } }).error?.retryAfter;
    if (retry) c.header('Retry-After', String(retry));
    return answer(c, answered);
  });

  app.post('/signals', async (c) => {
    const s = await body(c, signalBatchSchema);
    if (isResponse(s)) return s;
    // within the budgets: everything stored (204), the first ones (202, the rest dropped), or none (429)
    const r = await o.store.signals(s.signals, o.ipHash(c));
    if (!r.dropped) return c.body(null, 204);
    c.header('Retry-After', String(r.retryAfter));
    if (!r.stored) return fail(c, 'rate', 'too many signals; wait a moment', { retryAfter: r.retryAfter });
    return c.json({ stored: r.stored, dropped: r.dropped }, 202);
  });
}
