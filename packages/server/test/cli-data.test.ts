// `kolo-server migrate | export | import`: the commands of the built bin, and a database copied into
// another (PGlite to PostgreSQL when one is given) with everything it counts.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { exportRows, importRows } from '../src/cli/data.ts';
import { latestVersion, migrate, migrations } from '../src/db/migrate.ts';
import { postgresDb } from '../src/db/postgres.ts';
import { pgliteDb } from '../src/db/pglite.ts';
import { configFromEnv, startServer } from '../src/index.ts';
import { databaseFromEnv, databaseName } from '../src/db/open.ts';
import { as, client, drivers, freshDatabase, now, testConfig, vote } from './harness.ts';
import { deadUrl } from './receiver.ts';

const bin = new URL('../bin/kolo-server.mjs', import.meta.url).pathname;
const latest = latestVersion();

/** Run the bin; its exit code and output. */
function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; stdout: string }> {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } });
  let out = '';
  let stdout = '';
  child.stdout.on('data', (d) => ((out += d), (stdout += d)));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, stdout })));
}

/** A server's database filled with a poll's votes, a board's ideas, signals and stop words; the views to compare. */
async function filled(dataDir: string) {
  const server = await startServer(testConfig({ dataDir }));
  const api = client(server);
  for (const [i, choice] of ['a', 'b', 'a'].entries()) expect((await api.post('/v1/actions', vote('copy-poll', `v-${i}`, [choice]))).status).toBe(200);
  const ideas = [{ id: 'idea-1', title: 'Dark mode please', status: 'planned', createdAt: now() }, { id: 'idea-2', title: 'Export to CSV', status: 'review', createdAt: now() }];
  expect((await api.admin('POST', '/seed', { kind: 'ideas', id: 'copy-board', counts: { 'idea-1': 4 }, ideas })).status).toBe(200);
  expect((await api.post('/v1/signals', { signals: [{ type: 'view', widget: { kind: 'poll', id: 'copy-poll' }, voter: 'v-0', at: now() }] })).status).toBe(204);
  expect((await api.admin('PUT', '/stop-words/en', { words: ['spamword'] })).status).toBe(200);
  // a webhook with a delivery and an attempt (its references checked at commit, so any table order imports)
  expect((await api.admin('POST', '/webhooks', { url: await deadUrl(), events: ['idea.status_changed'] })).status).toBe(201);
  expect((await api.admin('POST', '/ideas/ideas/copy-board/idea-2', { status: 'done' })).status).toBe(200);
  await server.jobs.run('webhooks');
  const views = await views_(api);
  await server.close();
  return views;
}
const views_ = async (api: ReturnType<typeof client>) => ({
  poll: (await api.get('/v1/widgets/poll/copy-poll', as('v-0'))).body,
  board: (await api.get('/v1/widgets/ideas/copy-board', as('v-0'))).body.ideas.map((i: { id: string; title: string }) => [i.id, i.title]),
  stopWords: (await api.admin('GET', '/stop-words/en')).body,
  widgets: (await api.admin('GET', '/widgets')).body.widgets.length,
});

describe('kolo-server migrate (the built bin)', () => {
  it('migrates a new PGlite folder, then finds nothing to apply; --status says whether migrations are due', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kolo-migrate-')), 'data');
    const due = await run(['migrate', '--status'], { KOLO_DATA_DIR: dir });
    expect(due.code, due.out).toBe(1);
    expect(due.out).toContain(`at version 0; this server's latest is ${latest}`);
    const first = await run(['migrate'], { KOLO_DATA_DIR: dir });
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`applied ${migrations().map((m) => m.version).join(', ')}`);
    const again = await run(['migrate'], { KOLO_DATA_DIR: dir });
    expect(again.out).toContain('nothing to apply');
    expect((await run(['migrate', '--status'], { KOLO_DATA_DIR: dir })).code).toBe(0);
    const unknown = await run(['frobnicate'], {});
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('usage: kolo-server');
  }, 240_000);
});

describe.each(drivers)('export from PGlite, import into $name', ({ url }) => {
  it('copies every vote, idea, signal and stop word in one transaction, columns by name; refuses a database holding rows; new rows continue after the copied ones', async () => {
    const source = join(mkdtempSync(join(tmpdir(), 'kolo-export-')), 'data');
    const before = await filled(source);
    // the bin's export of the folder, to a file
    const file = join(source, '..', 'kolo.jsonl');
    const exported = await run(['export', file], { KOLO_DATA_DIR: source });
    expect(exported.code, exported.out).toBe(0);
    expect(exported.out).toMatch(/ballots 3.*ideas 2/);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ kolo: 'export', schema: latest });
    expect(lines.some((l) => l.includes('kolo_idea_text'))).toBe(false);

    const target = await freshDatabase(url);
    const dataDir = url ? undefined : join(mkdtempSync(join(tmpdir(), 'kolo-import-')), 'data');
    try {
      const db = url ? postgresDb(target.databaseUrl!) : await pgliteDb(dataDir);
      try {
        const text = readFileSync(file, 'utf8');
        const read = (t = text) => createInterface({ input: Readable.from(t) });
        const rowCount = async () => {
          let out = '';
          await exportRows(db, new Writable({ write: (c, _e, done) => ((out += c), done()) }));
          return out.split('\n').filter((l) => l.includes('"row":')).length;
        };
        // a bad line after rows of several tables were written leaves no row behind
        await expect(importRows(db, read(`${text}{"table":"kolo_ballots","row":[1]}\n`))).rejects.toThrow(/line \d+: a row of kolo_ballots with other than/);
        expect(await rowCount()).toBe(0);
        // columns are matched by name: every table's columns reversed in the file
        const reversed = text.trim().split('\n').map((l, i) => {
          if (!i) return l;
          const item = JSON.parse(l);
          return JSON.stringify(item.columns ? { ...item, columns: item.columns.reverse() } : { ...item, row: item.row.reverse() });
        });
        const added = await importRows(db, read(`${reversed.join('\n')}\n`));
        expect(added).toMatchObject({ kolo_ballots: 3, kolo_ideas: 2, kolo_signals: 1, kolo_stop_words: 1, kolo_webhooks: 1, kolo_webhook_deliveries: 1, kolo_webhook_attempts: 1 });
        // a database that holds rows is refused (its sharded counts and the file's would be added up), and left as it was
        const count = await rowCount();
        await expect(importRows(db, read())).rejects.toThrow(/already holds rows \(.*ballots/);
        expect(await rowCount()).toBe(count);
        // an export of another schema version is refused before any row
        const old = readFileSync(file, 'utf8').replace(`"schema":${latest}`, `"schema":${latest - 1}`);
        await expect(importRows(db, createInterface({ input: Readable.from(old) }))).rejects.toThrow(/schema version/);
        // and the copy exports the same rows
        let again = '';
        await exportRows(db, new Writable({ write: (c, _e, done) => ((again += c), done()) }));
        const rows = (text: string) => text.trim().split('\n').slice(1).sort();
        expect(rows(again)).toEqual(rows(readFileSync(file, 'utf8')));
      } finally {
        await db.close();
      }
      const server = await startServer(testConfig({ databaseUrl: target.databaseUrl, dataDir }));
      try {
        const api = client(server);
        expect(await views_(api)).toEqual(before);
        // the search text is rebuilt by the database; a new signal gets a new id
        expect((await api.get('/v1/widgets/ideas/copy-board/similar?title=Dark%20mode', as('v-9'))).body.ideas.map((i: { id: string }) => i.id)).toContain('idea-1');
        expect((await api.post('/v1/signals', { signals: [{ type: 'view', widget: { kind: 'poll', id: 'copy-poll' }, voter: 'v-9', at: now() }] })).status).toBe(204);
        expect((await api.post('/v1/actions', vote('copy-poll', 'v-0', ['b']))).status).toBe(409);
      } finally {
        await server.close();
      }
    } finally {
      await target.drop();
    }
  }, 300_000);
});

it('import refuses a file that is not an export', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kolo-bad-import-'));
  writeFileSync(join(dir, 'x.jsonl'), '{"hello":1}\n');
  const r = await run(['import', join(dir, 'x.jsonl')], { KOLO_DATA_DIR: join(dir, 'data') });
  expect(r.code).toBe(1);
  expect(r.out).toContain('not a Kolo export');
}, 120_000);

it('export and import take every kolo_ table, digits in its name included, and refuse a name or a column they cannot take', async () => {
  const source = await pgliteDb();
  const target = await pgliteDb();
  try {
    await migrate(source);
    await migrate(target);
    for (const db of [source, target]) await db.query('create table kolo_extra2 (id int primary key, note2 text)');
    await source.query("insert into kolo_extra2 values (1, 'x')");
    let text = '';
    await exportRows(source, new Writable({ write: (c, _e, done) => ((text += c), done()) }));
    expect(text).toContain('{"table":"kolo_extra2","columns":["id","note2"]}\n{"table":"kolo_extra2","row":["1", "x"]}');
    const read = (t: string) => createInterface({ input: Readable.from(t) });
    // a column the target does not have is named, and nothing is written
    await expect(importRows(target, read(text.replace('"columns":["id","note2"]', '"columns":["id","note3"]')))).rejects.toThrow(/kolo_extra2: this database has no column "note3"/);
    expect(await importRows(target, read(text))).toMatchObject({ kolo_extra2: 1 });
    expect(await target.query('select id, note2 from kolo_extra2')).toEqual([{ id: 1, note2: 'x' }]);
    // a table whose name the SQL could not write unquoted is not skipped in silence
    await source.query('create table "kolo_Odd" (x int)');
    await expect(exportRows(source, new Writable({ write: (_c, _e, done) => done() }))).rejects.toThrow(/table "kolo_Odd"/);
  } finally {
    await source.close();
    await target.close();
  }
}, 120_000);

it('the commands open the database the server would: DATABASE_URL, else PGlite in KOLO_DATA_DIR (.kolo-data by default)', () => {
  expect(configFromEnv({})).toMatchObject({ databaseUrl: undefined, dataDir: '.kolo-data' });
  expect(databaseFromEnv({})).toEqual({ databaseUrl: undefined, dataDir: '.kolo-data' });
  expect(databaseFromEnv({ DATABASE_URL: 'postgres://kolo:secret@db:5432/kolo' })).toEqual({ databaseUrl: 'postgres://kolo:secret@db:5432/kolo', dataDir: undefined });
  expect(databaseName(databaseFromEnv({ DATABASE_URL: 'postgres://kolo:secret@db:5432/kolo' }))).toBe('PostgreSQL db:5432/kolo');
  expect(databaseName(databaseFromEnv({ KOLO_DATA_DIR: '/srv/kolo' }))).toBe('PGlite in /srv/kolo');
});
