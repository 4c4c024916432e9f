#!/usr/bin/env node
// node scripts/bench-board.mjs: a board of 50,000 ideas, imported through the batched import API,
// then the first page's bytes on the wire (brotli) and the latency of sequential GETs (p50, p95) for
// the top and new orders, a status filter, a search and similar ideas; and the query plans (EXPLAIN)
// of the pages. BENCH_BASE=<another worktree's packages/server> runs the same reads against that code
// (before paging: the GET answers the whole board), its board filled with the same ideas by SQL.
//   BENCH_DATABASE_URL: a PostgreSQL server (a fresh database per run); without it, PGlite in a temporary folder
//   BENCH_IDEAS (default 50000), BENCH_GETS (default 200); servers on ports 54436 and 54437
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { get } from 'node:http';
import postgres from 'postgres';
import { sourceServer } from './bench/source-server.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const IDEAS = Number(process.env.BENCH_IDEAS ?? 50_000);
const GETS = Number(process.env.BENCH_GETS ?? 200);
const TOKEN = 'bench-admin-token-0123456789abcdef0123456789';
const BOARD = 'bench-board';
const words = ['parking', 'lighting', 'dark mode', 'export', 'дорога', 'освітлення', 'notifications', 'search', 'mobile app', 'тема'];

/** idea `i`: a title and details of realistic length, votes with ties, five public statuses, ten categories */
const idea = (i) => ({
  id: `idea-${i}`,
  title: `${words[i % words.length]} idea number ${i}: make it better`,
  details: `Details of idea ${i}. ${'Some words about why it matters to people. '.repeat(1 + (i % 4))}`,
  status: ['review', 'planned', 'progress', 'done', 'declined'][i % 5 === 4 ? 4 : i % 7 === 0 ? 1 : 0],
  category: `cat-${i % 10}`,
  createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  votes: Math.floor(1000 / (1 + (i % 997))),
});

const spawnServer = (dir, env) => sourceServer(dir, { KOLO_ADMIN_TOKEN: TOKEN, KOLO_BODY_LIMIT: String(8 << 20), ...env });
const stop = (child) => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM'))));

async function database(label) {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), `kolo-bench-board-${label}-`));
    return { env: { KOLO_DATA_DIR: dir }, sql: undefined, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `kolo_bench_board_${label}_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name}`);
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const sql = postgres(u.toString(), { max: 1, onnotice: () => {} });
  return {
    env: { DATABASE_URL: u.toString() },
    sql,
    drop: async () => {
      await sql.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** The board's ideas: through the import API in batches of 1,000, or (code without it) by SQL. */
async function fill(base, sql) {
  const t0 = performance.now();
  let batches = 0;
  // code without the import API answers 404 (the new code: 400 for an empty batch)
  const probe = await fetch(`${base}/v1/admin/import/ideas/${BOARD}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{"ideas":[]}' });
  const api = probe.status !== 404;
  if (!api && !sql) throw new Error('this code has no import API: give BENCH_DATABASE_URL to fill its board by SQL');
  for (let i = 0; i < IDEAS; i += 1000) {
    const ideas = Array.from({ length: Math.min(1000, IDEAS - i) }, (_, k) => idea(i + k));
    if (!api) {
      await sql.unsafe(
        `insert into kolo_widgets (kind, id) values ('ideas', $1) on conflict do nothing`,
        [BOARD],
      );
      await sql.unsafe(
        `insert into kolo_ideas (kind, board, id, title, details, category, status, author, created_at, votes)
         select 'ideas', $1, x.id, x.title, x.details, x.category, x.status, '', x."createdAt", x.votes
         from json_to_recordset($2::text::json) as x(id text, title text, details text, category text, status text, "createdAt" timestamptz, votes int)`,
        [BOARD, JSON.stringify(ideas)],
      );
    } else {
      const res = await fetch(`${base}/v1/admin/import/ideas/${BOARD}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ ideas }) });
      if (!res.ok) throw new Error(`import answered ${res.status}: ${await res.text()}`);
    }
    batches++;
  }
  if (sql) await sql.unsafe('analyze');
  return { seconds: (performance.now() - t0) / 1000, batches };
}

/** the body's bytes as they travel (fetch would decompress them) */
const wireBytes = (url, headers) =>
  new Promise((resolve, reject) =>
    get(url, { headers }, (res) => {
      let n = 0;
      res.on('data', (d) => (n += d.length));
      res.on('end', () => resolve({ n, encoding: res.headers['content-encoding'] ?? 'none' }));
    }).on('error', reject),
  );

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** bytes on the wire with brotli, and sequential latencies of `path` */
async function measure(base, path) {
  const headers = { 'kolo-voter': 'bench-reader', 'accept-encoding': 'br' };
  const first = await fetch(base + path, { headers });
  await first.arrayBuffer();
  const wire = await wireBytes(base + path, headers);
  const plain = await (await fetch(base + path, { headers: { 'kolo-voter': 'bench-reader', 'accept-encoding': 'identity' } })).text();
  const ms = [];
  const deadline = performance.now() + 60_000;
  for (let i = 0; i < GETS && performance.now() < deadline; i++) {
    const t = performance.now();
    const res = await fetch(base + path, { headers });
    await res.arrayBuffer();
    ms.push(performance.now() - t);
  }
  let ideas = '?';
  try {
    ideas = JSON.parse(plain).ideas?.length ?? '–';
  } catch {}
  return { status: first.status, wire, plain: Buffer.byteLength(plain), ideas, n: ms.length, p50: pct(ms, 50), p95: pct(ms, 95) };
}

const READS = [
  ['(anchor: GET /v1/health)', '/v1/health'],
  ['first page, top', `/v1/widgets/ideas/${BOARD}`],
  ['first page, new', `/v1/widgets/ideas/${BOARD}?sort=new`],
  ['status planned, top', `/v1/widgets/ideas/${BOARD}?status=planned`],
  ['category cat-3, new', `/v1/widgets/ideas/${BOARD}?category=cat-3&sort=new`],
  ['search "dark mode"', `/v1/widgets/ideas/${BOARD}?q=dark%20mode`],
  ['search «дороги»', `/v1/widgets/ideas/${BOARD}?q=${encodeURIComponent('дороги')}`],
  ['search, rare: "number 4242"', `/v1/widgets/ideas/${BOARD}?q=number%204242`],
  ['search, no match: "zebra"', `/v1/widgets/ideas/${BOARD}?q=zebra`],
  ['similar "dark mo"', `/v1/widgets/ideas/${BOARD}/similar?title=dark%20mo`],
];

async function run(label, dir) {
  const db = await database(label);
  const port = String(54436 + (label === 'base' ? 1 : 0));
  const server = await spawnServer(dir, { ...db.env, PORT: port });
  const base = `http://127.0.0.1:${port}`;
  try {
    const filled = await fill(base, db.sql);
    console.log(`\n## ${label} (${dir}): ${IDEAS} ideas in ${filled.batches} batches, ${filled.seconds.toFixed(1)} s`);
    console.log('| read | status | ideas | bytes on the wire (accept br) | bytes (plain) | p50 ms | p95 ms | GETs |');
    console.log('|---|---|---|---|---|---|---|---|');
    // the page after the first one, by its cursor
    const next = JSON.parse(await (await fetch(`${base}/v1/widgets/ideas/${BOARD}`, { headers: { 'kolo-voter': 'bench-reader' } })).text()).next;
    // the first page again at the end: the first reads after an import may meet the database still busy with it
    const again = [['first page, top (again)', READS[1][1]], ['(anchor again)', READS[0][1]]];
    const reads = next ? [...READS, ['second page, top', `/v1/widgets/ideas/${BOARD}?cursor=${next}`], ...again] : READS.slice(0, 3);
    for (const [name, path] of reads) {
      const m = await measure(base, path);
      console.log(`| ${name} | ${m.status} | ${m.ideas} | ${m.wire.n.toLocaleString('en')} ${m.wire.encoding} | ${m.plain.toLocaleString('en')} | ${m.p50.toFixed(2)} | ${m.p95.toFixed(2)} | ${m.n} |`);
    }
    if (db.sql && next) await explain(db.sql);
  } finally {
    await stop(server);
    await db.drop();
  }
}

/** the plans of the first pages (no sort of the whole board for top and new), and the statement's own time (p50 of sequential runs) */
async function explain(sql) {
  const { boardPage } = await import('../src/boards/page.ts').catch(() => ({}));
  if (!boardPage) return;
  console.log('\n| page statement | indexes | rows sorted | p50 ms (database only) |\n|---|---|---|---|');
  for (const q of [{ order: 'top' }, { order: 'new' }, { order: 'top', status: 'planned' }, { order: 'new', category: 'cat-3' }, { order: 'top', words: ['dark', 'mode'] }, { order: 'top', words: ['numbe', '4242'] }, { order: 'top', words: ['zebra'] }]) {
    let statement;
    // a search first looks up which ideas hold its words (run for real here); the page statement is the last
    await boardPage({ query: async (text, params) => (text.includes('from kolo_idea_text t where') ? sql.unsafe(text, params) : ((statement = [text, params]), [])) }, 'ideas', BOARD, 'bench-reader', { limit: 20, ...q });
    const plan = (await sql.unsafe(`explain (analyze, costs off, timing off) ${statement[0]}`, statement[1])).map((r) => r['QUERY PLAN']).join('\n');
    const sorted = plan.split('\n').filter((l) => /^(-> +)?Sort .*rows=/.test(l.trim())).map((l) => Number(/rows=(\d+)/.exec(l)?.[1] ?? 0));
    const scans = [...new Set(plan.match(/(Index|Bitmap Index) Scan using \w+/g) ?? [])];
    const ms = [];
    for (let i = 0; i < Math.min(GETS, 100); i++) {
      const t = performance.now();
      await sql.unsafe(statement[0], statement[1]);
      ms.push(performance.now() - t);
    }
    console.log(`| ${JSON.stringify(q)} | ${scans.join(', ')} | ${sorted.join(', ') || 'none'} | ${pct(ms, 50).toFixed(2)} |`);
    if (process.env.BENCH_PLANS) console.log(plan);
  }
}

await run('paged', here);
if (process.env.BENCH_BASE) await run('base', process.env.BENCH_BASE);
