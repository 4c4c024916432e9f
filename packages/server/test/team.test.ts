// Team roles and audit: named admin tokens stored hashed, the role of every admin route, revocation,
// the audit log (before → after), its paging and export, its retention. Real HTTP on PGlite and PostgreSQL.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { ADMIN_RULES } from '../src/http/admin-rules.ts';
import { drivers, serverFor } from './harness.ts';

const hash = (t: string) => createHash('sha256').update(t).digest('hex');
const seed = { kind: 'ideas', id: 'team-board', counts: {}, ideas: ['i1', 'i2', 'i3'].map((id) => ({ id, title: `Idea ${id}`, status: 'pending', createdAt: '2026-11-01T09:00:00Z' })) };

describe('the table of admin rules', () => {
  const ctx = serverFor(undefined);
  it('lists every admin route, and every route that changes something has an audit entry', () => {
    const admin = ctx.server.routes.filter((r) => r.path.startsWith('/v1/admin/')).map((r) => `${r.method} ${r.path.slice('/v1/admin'.length)}`);
    expect(admin.filter((k) => !ADMIN_RULES[k])).toEqual([]);
    expect(Object.keys(ADMIN_RULES).filter((k) => !admin.includes(k))).toEqual([]);
    expect(Object.entries(ADMIN_RULES).filter(([k, r]) => !k.startsWith('GET ') && !r.audit).map(([k]) => k)).toEqual([]);
  });
});

describe.each(drivers)('team roles and audit on $name', ({ url }) => {
  const ctx = serverFor(url);
  const tokens: Record<string, string> = {};
  const make = async (name: string, role: string) => {
    const r = await ctx.api.admin('POST', '/tokens', { name, role });
    expect(r.status).toBe(201);
    return r.body as { id: string; name: string; role: string; token: string };
  };

  it('makes named tokens, shows each once and stores only its SHA-256', async () => {
    expect((await ctx.api.admin('POST', '/seed', seed)).status).toBe(200);
    for (const role of ['owner', 'moderator', 'analyst']) {
      const made = await make(`Ann the ${role}`, role);
      expect(made).toMatchObject({ name: `Ann the ${role}`, role, id: expect.stringMatching(/^[0-9a-f]{16}$/), createdAt: expect.any(String) });
      expect(made.token.length).toBeGreaterThanOrEqual(40);
      tokens[role] = made.token;
      const [row] = await ctx.server.db.query('select * from kolo_admin_tokens where id = $1', [made.id]);
      expect(row!.hash).toBe(hash(made.token));
      expect(JSON.stringify(row)).not.toContain(made.token);
    }
    const list = await ctx.api.admin('GET', '/tokens');
    expect(list.body.tokens.map((t: { role: string }) => t.role)).toEqual(['owner', 'moderator', 'analyst']);
    expect(JSON.stringify(list.body)).not.toMatch(/kolo_|hash/);
    const audit = await ctx.server.db.query('select * from kolo_audit');
    expect(Object.values(tokens).some((t) => JSON.stringify(audit).includes(t))).toBe(false);
  });

  it('says who a token is', async () => {
    expect((await ctx.api.admin('GET', '/me', undefined, tokens.analyst)).body).toEqual({ name: 'Ann the analyst', role: 'analyst' });
    expect((await ctx.api.admin('GET', '/me')).body).toEqual({ name: 'owner (KOLO_ADMIN_TOKEN)', role: 'owner' });
  });

  it('lets each role do what it may, and refuses the rest with 403 naming the role needed', async () => {
    const as = (role: string) => (method: string, path: string, body?: unknown) => ctx.api.admin(method, path, body, tokens[role]);
    const analyst = as('analyst');
    expect((await analyst('GET', '/metrics?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z')).status).toBe(200);
    expect((await analyst('GET', '/widgets')).status).toBe(200);
    // an analyst's export has no voter ids and no contacts (a voter id is what a browser acts with)
    const csv = await analyst('GET', '/export/ideas.csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body).split('\r\n')[0]).toBe('kind,board,id,title,details,category,status,votes,created_at,first_response_at,answer,link,reason,merged_into');
    const contacts = await analyst('GET', '/export/ideas.csv?contact=1');
    expect([contacts.status, contacts.body.error?.reason, contacts.body.error?.field]).toEqual([403, 'forbidden', 'contact']);
    const refused = await analyst('POST', '/ideas/ideas/team-board/i1', { status: 'planned' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ reason: 'forbidden', rule: 'moderator' });
    expect(refused.body.error.message).toMatch(/needs the moderator role; the token "Ann the analyst" is analyst/);
    for (const [m, p] of [['GET', '/queue'], ['POST', '/bans'], ['GET', '/tokens'], ['GET', '/audit']] as const) expect((await analyst(m, p, m === 'POST' ? {} : undefined)).status).toBe(403);

    const moderator = as('moderator');
    expect(String((await moderator('GET', '/export/ideas.csv?contact=1')).body).split('\r\n')[0]).toMatch(/,merged_into,author,contact$/);
    expect((await moderator('GET', '/queue')).status).toBe(200);
    expect((await moderator('PUT', '/stop-words/en', { words: ['spamword'] })).status).toBe(200);
    for (const [m, p, b] of [['GET', '/tokens'], ['POST', '/tokens', { name: 'x', role: 'owner' }], ['PUT', '/widgets/poll/p1', { slowSeconds: 5 }], ['GET', '/export/audit.csv']] as const) {
      const r = await moderator(m, p, b);
      expect([m, p, r.status, r.body.error?.reason]).toEqual([m, p, 403, 'forbidden']);
    }
    const owner = as('owner');
    expect((await owner('PUT', '/widgets/poll/p1', { slowSeconds: 5 })).status).toBe(200);
    expect((await owner('GET', '/audit')).status).toBe(200);
    expect((await owner('GET', '/queue')).status).toBe(200);
  });

  it('refuses a revoked token at once', async () => {
    const made = await make('Temp', 'moderator');
    expect((await ctx.api.admin('GET', '/queue', undefined, made.token)).status).toBe(200);
    expect((await ctx.api.admin('DELETE', `/tokens/${made.id}`)).body).toEqual({ ok: true });
    const r = await ctx.api.admin('GET', '/queue', undefined, made.token);
    expect([r.status, r.body.error.reason]).toEqual([401, 'unauthorized']);
    expect((await ctx.api.admin('DELETE', `/tokens/${made.id}`)).status).toBe(404);
    // its name may be given again
    expect((await ctx.api.admin('POST', '/tokens', { name: 'Temp', role: 'analyst' })).status).toBe(201);
  });

  it('records widget definitions with each widget\'s rules before and after', async () => {
    const rules = { policy: { options: ['a', 'b'], multiple: false, change: false } };
    const r = await ctx.api.admin('PUT', '/definitions', { definitions: [{ kind: 'poll', id: 'defined-1', rules }] });
    expect(r.status).toBe(200);
    const [e] = (await ctx.api.admin('GET', '/audit?limit=1')).body.entries;
    expect(e).toMatchObject({ action: 'widgets.define', target: 'poll/defined-1', before: { 'poll:defined-1': null }, after: { 'poll:defined-1': { policy: { options: ['a', 'b'] } } } });
  });

  it('records each decision with who, what, and the state before and after', async () => {
    const decided = await ctx.api.admin('POST', '/ideas/ideas/team-board/i2', { status: 'planned', answer: 'Next month' }, tokens.moderator);
    expect(decided.status).toBe(200);
    const ban = { type: 'voter', value: 'troll-1', reason: 'spam' };
    expect((await ctx.api.admin('POST', '/bans', ban, tokens.moderator)).status).toBe(200);
    expect((await ctx.api.admin('DELETE', '/bans/voter/troll-1', undefined, tokens.owner)).status).toBe(200);
    const { entries } = (await ctx.api.admin('GET', '/audit?limit=3')).body;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['ban.lift', 'ban.add', 'idea.moderate']);
    const [lift, add, status] = entries;
    expect(status).toMatchObject({ actor: 'Ann the moderator', role: 'moderator', target: 'ideas/team-board/i2' });
    expect(status.before).toMatchObject({ status: 'pending', answer: null });
    expect(status.after).toMatchObject({ status: 'planned', answer: 'Next month' });
    expect(Date.now() - Date.parse(status.at)).toBeLessThan(60_000);
    expect(add).toMatchObject({ actor: 'Ann the moderator', target: 'voter:troll-1', before: null, after: { reason: 'spam', until: null } });
    expect(lift).toMatchObject({ actor: 'Ann the owner', before: { reason: 'spam', until: null }, after: null });
    // refused requests change nothing and are not recorded
    await ctx.api.admin('POST', '/ideas/ideas/team-board/i3', { status: 'planned' }, tokens.analyst);
    expect((await ctx.api.admin('GET', '/audit?limit=1')).body.entries[0].action).toBe('ban.lift');
    // token changes, without the token
    const made = (await ctx.api.admin('GET', '/audit?limit=200')).body.entries.find((e: { action: string }) => e.action === 'token.create');
    expect(made).toMatchObject({ actor: 'owner (KOLO_ADMIN_TOKEN)', after: { role: expect.any(String) } });
    expect(made.after.token).toBeUndefined();
  });

  it('pages newest first with a hard maximum, and exports CSV', async () => {
    const first = (await ctx.api.admin('GET', '/audit?limit=2')).body;
    expect(first.entries).toHaveLength(2);
    const second = (await ctx.api.admin('GET', `/audit?limit=2&before=${first.next}`)).body;
    expect(second.entries[0].id).toBeLessThan(first.entries[1].id);
    const all = (await ctx.api.admin('GET', '/audit?limit=200')).body;
    expect(all.next).toBeUndefined();
    expect(all.entries.map((e: { id: number }) => e.id)).toEqual([...all.entries.map((e: { id: number }) => e.id)].sort((a, b) => b - a));
    const csv = await fetch(`${ctx.server.url}/v1/admin/export/audit.csv`, { headers: { authorization: `Bearer ${tokens.owner}` } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at,actor,role,action,target,before,after');
    expect(lines[1]).toContain('ban.lift');
    expect(lines).toHaveLength(all.entries.length + 1);
  });

  it('refuses bad input with 4xx naming the field', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['GET', '/audit?limit=201', undefined, 400, 'limit'],
      ['GET', '/audit?limit=0', undefined, 400, 'limit'],
      ['GET', '/audit?before=x', undefined, 400, 'before'],
      ['POST', '/tokens', { name: '', role: 'owner' }, 400, 'name'],
      ['POST', '/tokens', { name: 'Bob', role: 'boss' }, 400, 'role'],
      ['DELETE', '/tokens/not-an-id', undefined, 400, 'id'],
    ];
    for (const [m, p, b, status, field] of cases) {
      const r = await ctx.api.admin(m, p, b);
      expect([m, p, r.status, r.body.error.field]).toEqual([m, p, status, field]);
    }
    for (const name of ['Ann the owner', 'owner (KOLO_ADMIN_TOKEN)']) {
      const taken = await ctx.api.admin('POST', '/tokens', { name, role: 'analyst' });
      expect([name, taken.status, taken.body.error.reason]).toEqual([name, 409, 'name-taken']);
    }
  });

  it('deletes entries and revoked tokens older than the retention', async () => {
    await ctx.server.db.query(`insert into kolo_audit (at, actor, role, action, target) values (now() - interval '401 days', 'old', 'owner', 'ban.add', 'voter:x')`);
    await ctx.server.db.query(`insert into kolo_admin_tokens (id, name, role, hash, revoked_at) values ('00000000000000aa', 'Gone', 'analyst', 'h', now() - interval '401 days')`);
    const before = Number((await ctx.server.db.query('select count(*) as n from kolo_audit'))[0]!.n);
    await ctx.server.store.expireAudit();
    expect(await ctx.server.db.query(`select 1 from kolo_audit where actor = 'old'`)).toEqual([]);
    expect(await ctx.server.db.query(`select 1 from kolo_admin_tokens where id = '00000000000000aa'`)).toEqual([]);
    expect(Number((await ctx.server.db.query('select count(*) as n from kolo_audit'))[0]!.n)).toBe(before - 1);
  });
});
