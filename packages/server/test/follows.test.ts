// Follow and notify by email: real HTTP on PGlite and PostgreSQL, real SMTP to a local sink
// (smtp-server): double opt-in, the digest, one-click unfollow, retries when SMTP fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { startServer, type KoloServer } from '../src/index.ts';
import { as, client, drivers, freshDatabase, idea, serverFor, testConfig, type Client } from './harness.ts';
import { header, linksOf, smtpSink, type Sink } from './smtp-sink.ts';

const policy = { moderated: false, minFillMs: 0, maxPerDay: 100, titleMin: 4, titleMax: 140, detailsMax: 2000, categories: [] };
const PUBLIC = 'https://kolo.example';
const DIGEST_MS = 800;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(drivers)('follow and notify on $name', ({ url }) => {
  const ctx = {} as { server: KoloServer; api: Client; smtp: Sink; drop: () => Promise<void> };
  beforeAll(async () => {
    ctx.smtp = await smtpSink();
    const db = await freshDatabase(url);
    ctx.drop = db.drop;
    ctx.server = await startServer(testConfig({ databaseUrl: db.databaseUrl, smtpUrl: ctx.smtp.url, publicUrl: PUBLIC, mailFrom: 'Kolo <kolo@example.org>', digestMs: DIGEST_MS }));
    ctx.api = client(ctx.server);
  });
  afterAll(async () => {
    await ctx.server?.close();
    await ctx.smtp?.close();
    await ctx.drop?.();
  });
  const ids: Record<string, string> = {};
  const submit = async (name: string, voter: string, title: string, contact?: string) => {
    const sent = idea('fb', voter, title, policy, { idea: { title, ...(contact ? { contact } : {}) } });
    expect((await ctx.api.post('/v1/actions', sent)).status).toBe(200);
    ids[name] = sent.id;
  };
  const follow = (voter: string, name: string, email: string, lang = 'en') => ctx.api.post('/v1/follows', { kind: 'ideas', board: 'fb', idea: ids[name], email, lang }, as(voter));
  const moderate = (name: string, body: object) => ctx.api.admin('POST', `/ideas/ideas/fb/${ids[name]}`, body);
  /** run the email job; the messages it sent to `to` */
  const send = async (to: string) => {
    const before = ctx.smtp.messages.length;
    await ctx.server.jobs.run('email');
    return ctx.smtp.messages.slice(before).filter((m) => JSON.stringify(m.to).includes(to));
  };
  /** a link of a message, on this test's server */
  const local = (link: string) => link.replace(PUBLIC, ctx.server.url);
  const open = async (link: string, method = 'GET') => {
    const res = await fetch(local(link), { method, ...(method === 'POST' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' } : {}) });
    return { status: res.status, html: await res.text() };
  };
  let lastDigest: ParsedMail;

  it('refuses an invalid or too long email, naming the field', async () => {
    await submit('a', 'author', 'Dark <b>mode</b> & themes', 'Ann@Example.com');
    await submit('b', 'writer', 'Export to CSV please');
    for (const email of ['not-an-email', 'a@b', `${'x'.repeat(250)}@example.com`, 'two@example.com, three@example.com']) {
      const r = await follow('v1', 'a', email);
      expect(r.status, email).toBe(400);
      expect(r.body.error.field).toBe('email');
    }
    expect((await ctx.api.post('/v1/follows', { kind: 'ideas', board: 'fb', idea: ids.a, email: 'bob@example.com' })).body.error.field).toBe('Kolo-Voter');
    expect((await follow('v1', 'nope', 'bob@example.com')).status).toBe(400);
    expect((await ctx.api.post('/v1/follows', { kind: 'ideas', board: 'fb', idea: 'no-such', email: 'bob@example.com' }, as('v1'))).status).toBe(404);
  });

  it('sends a confirmation to a new email, and to an author who left one; nothing else before it is confirmed', async () => {
    const r = await follow('v1', 'a', 'Bob@Example.com', 'uk-UA');
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ confirmed: false });
    const [bob] = await send('bob@example.com');
    expect(bob!.subject).toBe('Підтвердьте email');
    // nothing a visitor wrote goes to an address nobody confirmed (the server is no relay for their text)
    expect(bob!.text).toContain('коли зміниться ідея чи запитання, за якими ви стежите');
    expect(bob!.text + String(bob!.html)).not.toMatch(/Dark|mode|themes/);
    expect(header(bob!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(String(header(bob!, 'List-Unsubscribe'))).toMatch(/^<https:\/\/kolo\.example\/v1\/follows\/unfollow\?token=/);
    // the author's contact: a confirmation too (sent in the same run as bob's, so look among all)
    expect(ctx.smtp.messages.filter((m) => JSON.stringify(m.to).includes('ann@example.com'))).toHaveLength(1);
    expect((await moderate('a', { status: 'planned' })).status).toBe(200);
    await wait(DIGEST_MS + 100);
    expect(await send('example.com')).toEqual([]);
    const [{ n }] = await ctx.server.db.query<{ n: number }>(`select count(*)::int as n from kolo_notifications where type <> 'confirm'`);
    expect(n).toBe(0);
    // the confirmation link works once; its token is kept only as a hash
    const link = linksOf(bob!).confirm!;
    const token = new URL(link).searchParams.get('token')!;
    expect(JSON.stringify(await ctx.server.db.query('select * from kolo_contacts'))).not.toContain(token);
    const page = await open(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Ми повідомимо, коли «Dark &#60;b&#62;mode&#60;/b&#62; &#38; themes» зміниться.');
    expect((await open(link)).status).toBe(404);
  });

  it('tells a confirmed follower of a change in one digest, with the answer and the link', async () => {
    expect((await moderate('a', { status: 'done', answer: 'Shipped in 2.0', link: 'https://site.example/blog/dark' })).status).toBe(200);
    expect(await send('bob@example.com')).toEqual([]);
    await wait(DIGEST_MS + 100);
    const mails = await send('bob@example.com');
    expect(mails).toHaveLength(1);
    lastDigest = mails[0]!;
    expect(lastDigest.subject).toBe('Новини: Dark <b>mode</b> & themes');
    expect(lastDigest.text).toContain('«Dark <b>mode</b> & themes» зроблено.');
    expect(lastDigest.text).toContain('Shipped in 2.0');
    expect(lastDigest.text).toContain('https://site.example/blog/dark');
    expect(lastDigest.html).not.toContain('<b>mode');
    expect(linksOf(lastDigest).unfollow).toHaveLength(2);
    expect(await send('bob@example.com')).toEqual([]);
  });

  it('puts two changes inside the window in one message; a voter who confirmed is not asked again', async () => {
    const again = await follow('v1', 'b', 'bob@example.com', 'uk');
    expect(again.body).toEqual({ confirmed: true });
    expect(await send('bob@example.com')).toEqual([]);
    expect((await moderate('b', { status: 'planned' })).status).toBe(200);
    expect((await moderate('b', { status: 'declined', reason: 'Out of scope' })).status).toBe(200);
    await wait(DIGEST_MS + 100);
    const mails = await send('bob@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('«Export to CSV please» заплановано.');
    expect(mails[0]!.text).toContain('«Export to CSV please» відхилено.');
    expect(mails[0]!.text).toContain('Чому: Out of scope');
  });

  it('moves the followers of a merged duplicate to the idea it became', async () => {
    await submit('dup', 'writer2', 'Dark theme duplicate');
    await submit('kept', 'writer3', 'Night mode for the whole site');
    expect((await follow('v1', 'dup', 'bob@example.com', 'uk')).body).toEqual({ confirmed: true });
    expect((await ctx.api.admin('POST', `/ideas/ideas/fb/${ids.dup}/merge`, { into: ids.kept })).status).toBe(200);
    await wait(DIGEST_MS + 100);
    await send('bob@example.com'); // (whatever the merge itself said)
    expect((await moderate('kept', { status: 'progress' })).status).toBe(200);
    await wait(DIGEST_MS + 100);
    const mails = await send('bob@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('«Night mode for the whole site» у роботі.');
    const rows = await ctx.server.db.query<{ idea: string }>('select idea from kolo_follows where board = $1 and idea in ($2, $3)', ['fb', ids.dup, ids.kept]);
    expect(rows.map((r) => r.idea)).toEqual([ids.kept]);
  });

  it("asks another voter giving a confirmed email to confirm it again (nobody subscribes someone else)", async () => {
    const other = await follow('v2', 'b', 'bob@example.com');
    expect(other.body).toEqual({ confirmed: false });
    const [mail] = await send('bob@example.com');
    expect(mail!.subject).toBe('Confirm your email');
  });

  it('stops sending after the one-click unfollow (POST), per item and for everything', async () => {
    const [item] = linksOf(lastDigest).unfollow;
    const page = await open(item!);
    expect(page.html).toContain('<form method="post">');
    // a GET unfollows nothing; the one-click POST does
    expect((await open(item!, 'POST')).status).toBe(200);
    expect((await moderate('a', { status: 'done', answer: 'Shipped in 2.1' })).status).toBe(200);
    expect((await moderate('b', { status: 'planned' })).status).toBe(200);
    await wait(DIGEST_MS + 100);
    const [left] = await send('bob@example.com');
    expect(left!.text).toContain('Export to CSV please');
    expect(left!.text).not.toContain('Dark');
    const all = String(header(left!, 'List-Unsubscribe')).slice(1, -1);
    expect((await open(all, 'POST')).status).toBe(200);
    const kept = await ctx.server.db.query(`select 1 from kolo_contacts where email = 'bob@example.com' union all select 1 from kolo_notifications where email = 'bob@example.com'`);
    expect(kept).toEqual([]);
    expect((await moderate('b', { status: 'progress' })).status).toBe(200);
    await wait(DIGEST_MS + 100);
    expect(await send('bob@example.com')).toEqual([]);
    expect((await open(all, 'POST')).status).toBe(404);
  });

  it('keeps a notification when SMTP fails and sends it later', async () => {
    const [ann] = ctx.smtp.messages.filter((m) => JSON.stringify(m.to).includes('ann@example.com'));
    expect((await open(linksOf(ann!).confirm!)).status).toBe(200);
    expect((await moderate('a', { status: 'declined', reason: 'Changed our mind' })).status).toBe(200);
    await wait(DIGEST_MS + 100);
    ctx.smtp.down = true;
    expect(await send('ann@example.com')).toEqual([]);
    ctx.smtp.down = false;
    // backed off: not at once, but once its time comes
    expect(await send('ann@example.com')).toEqual([]);
    await ctx.server.db.query(`update kolo_notifications set next_at = now() where email = 'ann@example.com' and sent_at is null`);
    const [mail] = await send('ann@example.com');
    expect(mail!.text).toContain('Why: Changed our mind');
  });

  it('rate-limits follows per voter', async () => {
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push((await follow('v9', 'b', `p${i}@example.com`)).status);
    expect(answers.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(answers.at(-1)).toBe(429);
  });

  it('says notifications are on in a board view', async () => {
    expect((await ctx.api.get('/v1/widgets/ideas/fb', as('v1'))).body.notify).toBe(true);
  });
});

describe('a server without SMTP', () => {
  const ctx = serverFor(undefined);
  it('refuses follows with a reason and says nothing of notifications in a board view', async () => {
    const r = await ctx.api.post('/v1/follows', { kind: 'ideas', board: 'fb', idea: 'x', email: 'bob@example.com' }, as('v1'));
    expect(r.status).toBe(409);
    expect(r.body.error.reason).toBe('notifications-off');
    expect((await ctx.api.get('/v1/widgets/ideas/fb', as('v1'))).body.notify).toBeUndefined();
  });
});
