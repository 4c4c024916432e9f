// Unexpected errors are logged as one JSON line each without the values a request sent (no SQL
// parameters, query text, failing row, voter id or IP), and sampled: a burst of 1,000 errors leaves a
// bounded number of lines. Real HTTP on PGlite and PostgreSQL, the error a real database raises.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { format } from 'node:util';
import { errorFacts, errorLog } from '../src/error-log.ts';
import { drivers, serverFor, vote } from './harness.ts';

describe('the error log', () => {
  const dbError = Object.assign(new Error('new row for relation "kolo_actions" violates check constraint "kolo_x" with "v-secret"'), {
    name: 'PostgresError',
    code: '23514',
    table_name: 'kolo_actions',
    constraint_name: 'kolo_x',
    detail: 'Failing row contains (a-1, poll, p, v-secret, 9f8e7d6c).',
    query: 'insert into kolo_actions (id, kind, widget, voter, ip_hash) values ($1, $2, $3, $4, $5)',
    parameters: ['a-1', 'poll', 'p', 'v-secret', '9f8e7d6c'],
    params: ['v-secret'],
  });

  it('keeps the name, code, schema names and place, and drops parameters, query, detail and quoted values', () => {
    const line = JSON.stringify(errorFacts(dbError));
    for (const secret of ['v-secret', '9f8e7d6c', 'Failing row', 'insert into', '$1']) expect(line).not.toContain(secret);
    expect(errorFacts(dbError)).toMatchObject({ name: 'PostgresError', code: '23514', table: 'kolo_actions', constraint: 'kolo_x', message: 'new row for relation "kolo_actions" violates check constraint "kolo_x" with "…"' });
    expect(errorFacts(dbError).at).toContain('error-log.test.ts');
  });

  it('writes at most 10 lines per kind of error per minute, then says how many it left out', () => {
    let t = 0;
    const lines: string[] = [];
    const log = errorLog({ write: (l) => lines.push(l), now: () => t });
    for (let i = 0; i < 1000; i++) log(dbError, { method: 'POST', route: '/v1/actions' });
    log(new TypeError('x'), { method: 'POST', route: '/v1/actions' }); // another kind has its own lines
    expect(lines).toHaveLength(11);
    t = 60_000;
    log(dbError, { method: 'POST', route: '/v1/actions' });
    expect(lines).toHaveLength(13);
    expect(JSON.parse(lines[11]!)).toMatchObject({ level: 'warn', msg: 'suppressed 990 similar errors', route: '/v1/actions', suppressed: 990 });
    expect(JSON.parse(lines[12]!)).toMatchObject({ level: 'error', method: 'POST', route: '/v1/actions', error: { code: '23514' } });
  });
});

describe.each(drivers)('errors over HTTP on $name', ({ url }) => {
  const ctx = serverFor(url);
  const logged: string[] = [];
  beforeAll(async () => {
    // the database refuses every action record from now on: each action fails with a real error that
    // carries its parameters (postgres.js, PGlite) and the failing row (`detail`)
    await ctx.server.db.query('alter table kolo_actions add constraint kolo_test_refuse check (false) not valid');
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (logged.push(String(chunk)), true));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(`${format(...args)}\n`));
  });
  afterAll(() => vi.restoreAllMocks());

  it('logs an error without the voter id, the IP, the query or its parameters', async () => {
    const voter = 'v-private-7f3a9c';
    const ipHash = (await ctx.api.admin('GET', '/ip-hash/198.51.100.77')).body.hash as string;
    logged.length = 0;
    const r = await ctx.api.post(`/v1/actions?voter=${voter}`, vote('log-poll', voter, ['a']), { 'x-forwarded-for': '198.51.100.77' });
    expect(r.status).toBe(500);
    const out = logged.join('');
    console.info(`one error: ${Buffer.byteLength(out)} bytes of log`);
    for (const secret of [voter, ipHash, '198.51.100.77', 'insert into', 'Failing row']) expect(out).not.toContain(secret);
    const line = JSON.parse(out);
    expect(line).toMatchObject({ level: 'error', method: 'POST', route: '/v1/actions', error: { code: '23514', table: 'kolo_actions', constraint: 'kolo_test_refuse' } });
  });

  it('keeps a burst of 1,000 errors to a bounded number of lines', async () => {
    logged.length = 0;
    for (let i = 0; i < 1000; i += 50) {
      const answers = await Promise.all(Array.from({ length: 50 }, (_, j) => ctx.api.post('/v1/actions', vote('log-poll', `v-burst-${i + j}`, ['a']))));
      expect(answers.every((a) => a.status === 500)).toBe(true);
    }
    const out = logged.join('');
    console.info(`1,000 errors: ${logged.length} lines, ${Buffer.byteLength(out)} bytes of log`);
    // the first test's error opened this minute's window: 9 more lines, the rest counted for the summary
    expect(logged.length).toBeLessThanOrEqual(10);
    expect(out).not.toContain('v-burst-');
  });
});
