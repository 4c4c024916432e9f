#!/usr/bin/env node
// Votes per second of this server against another checkout of it (`BENCH_BASE`, e.g. a worktree of
// the commit before a change), rounds interleaved (A B A B …) on the same database server, 50
// connections, each vote from a new voter on a registered poll; medians, spread and the ratio, every
// acknowledged vote checked (zero lost, zero double-counted), and on PostgreSQL the transactions
// committed per vote (pg_stat_database). A note's figure, not a test.
//   BENCH_BASE (a checkout's packages/server; without it, this server only)
//   BENCH_SIGNED=1: instead, this server twice, votes from signed-in people (a Kolo-Identity token per
//   person, HS256, verified by the server) against anonymous votes: what signed identity costs a vote.
//   Each vote is a person's first sign-in in that browser (its carry-over transaction included);
//   BENCH_SIGNED=linked: browsers whose carry-over is done (the server remembers it: no round trip)
//   BENCH_DATABASE_URL (a PostgreSQL server to create the databases on; without it, one is started)
//   BENCH_DRIVERS (postgres,pglite), BENCH_ROUNDS (4), BENCH_SECONDS (5), BENCH_CONNECTIONS (50)
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { startPostgres } from '../../../scripts/postgres.mjs';
import { sourceServer } from './bench/source-server.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const base = process.env.BENCH_BASE;
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const drivers = (process.env.BENCH_DRIVERS ?? 'postgres,pglite').split(',');
const TOKEN = 'bench-admin-token-0123456789abcdefghijklmnop';
const policy = { options: ['a', 'b'], multiple: false, change: false };
const temp = [];
const signedMode = process.env.BENCH_SIGNED === '1' || process.env.BENCH_SIGNED === 'linked';
const linked = process.env.BENCH_SIGNED === 'linked';
const IDENTITY = { KOLO_IDENTITY_SECRET: 'bench-identity-secret-0123456789abcdef', KOLO_IDENTITY_AUDIENCE: 'bench.kolo' };
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** A site's short-lived HS256 token for person `sub` (signed here by hand: synchronous, as autocannon's setup needs). */
const token = (sub) => {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, aud: IDENTITY.KOLO_IDENTITY_AUDIENCE, iat: now, exp: now + 600 })}`;
  return `${head}.${createHmac('sha256', IDENTITY.KOLO_IDENTITY_SECRET).update(head).digest('base64url')}`;
};

const spawnServer = (dir, env) => sourceServer(dir, { NODE_ENV: 'production', KOLO_ADMIN_TOKEN: TOKEN, KOLO_STREAMS_PER_IP: '0', ...env });
const stop = (child) => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM'))));

/** Votes on `poll` for `seconds`, each from a new voter: the acknowledged voters and votes/s. */
async function load(url, poll, duration = seconds, signed = false) {
  const acked = new Set();
  let n = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/v1/actions',
        headers: { 'content-type': 'application/json' },
        setupRequest(req, ctx) {
          ctx.voter = `${poll}-${++n}`;
          // a linked browser's id was carried over once (its first vote), then never again
          const browser = signed && linked ? `${poll}-browser` : ctx.voter;
          return { ...req, ...(signed ? { headers: { ...req.headers, 'kolo-identity': token(ctx.voter) } } : {}), body: JSON.stringify({ type: 'vote', id: `${ctx.voter}-k`, voter: browser, widget: { kind: 'poll', id: poll }, choices: [n % 2 ? 'a' : 'b'], policy, at: new Date().toISOString() }) };
        },
        onResponse(status, _body, ctx) {
          if (status === 200) acked.add(ctx.voter);
        },
      },
    ],
  });
  return { acked, sent: n, rate: acked.size / duration, non2xx: result.non2xx, errors: result.errors };
}

/** Lost (acknowledged, not counted) and double-counted votes of a round. */
async function check(url, poll, acked, sent, signed = false) {
  await new Promise((r) => setTimeout(r, 500));
  const get = async (voter) => (await fetch(`${url}/v1/widgets/poll/${poll}`, { headers: { 'kolo-voter': encodeURIComponent(voter), ...(signed && voter !== 'checker' ? { 'kolo-identity': token(voter) } : {}) } })).json();
  const t = await get('checker');
  let lost = 0;
  for (const voter of acked) if (!(await get(voter)).mine.length) lost++;
  return { lost, doubled: (t.counts.a ?? 0) + (t.counts.b ?? 0) - t.voters + Math.max(0, t.voters - sent) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;

async function bench(driver, pgUrl) {
  const sides = signedMode
    ? [{ name: 'signed', dir: here, port: 8811, signed: true }, { name: 'anonymous', dir: here, port: 8812 }]
    : [{ name: 'this', dir: here, port: 8811 }, ...(base ? [{ name: 'base', dir: base, port: 8812 }] : [])];
  const admin = pgUrl && postgres(pgUrl, { max: 1, onnotice: () => {} });
  for (const s of sides) {
    if (driver === 'postgres') {
      s.db = `kolo_bench_${s.name}_${Date.now().toString(36)}`;
      await admin.unsafe(`create database ${s.db}`);
      const u = new URL(pgUrl);
      u.pathname = `/${s.db}`;
      s.env = { DATABASE_URL: u.toString() };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'kolo-bench-act-'));
      temp.push(dir);
      s.env = { KOLO_DATA_DIR: dir };
    }
    s.server = await spawnServer(s.dir, { ...s.env, ...(signedMode ? IDENTITY : {}), PORT: String(s.port) });
    s.url = `http://127.0.0.1:${s.port}`;
    s.rates = [];
    s.commits = [];
    s.failures = 0;
  }
  const commits = async (db) => Number((await admin.unsafe('select xact_commit + xact_rollback as n from pg_stat_database where datname = $1', [db]))[0].n);
  try {
    for (let round = 0; round < rounds; round++) {
      for (const s of round % 2 ? [...sides].reverse() : sides) {
        const poll = `p${round}`;
        const r = await fetch(`${s.url}/v1/admin/widgets/poll/${poll}`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ rules: { policy } }) });
        if (!r.ok) throw new Error(`registering ${poll}: ${r.status}`);
        await load(s.url, `${poll}-warm`, 2, s.signed).catch(() => {}); // not counted: JIT, pools, caches
        await new Promise((res) => setTimeout(res, 1200)); // statistics are flushed every second
        const before = admin && (await commits(s.db));
        const run = await load(s.url, poll, seconds, s.signed);
        await new Promise((res) => setTimeout(res, 1200));
        if (admin) s.commits.push(((await commits(s.db)) - before) / run.acked.size);
        const { lost, doubled } = await check(s.url, poll, run.acked, run.sent, s.signed);
        if (lost || doubled || run.errors) s.failures++;
        s.rates.push(run.rate);
        console.error(`${driver} round ${round + 1} ${s.name}: ${Math.round(run.rate)} votes/s, ${run.non2xx} non-2xx, lost ${lost}, doubled ${doubled}${admin ? `, ${s.commits.at(-1).toFixed(2)} commits/vote` : ''}`);
      }
    }
  } finally {
    for (const s of sides) await stop(s.server);
    if (admin) {
      for (const s of sides) await admin.unsafe(`drop database if exists ${s.db} with (force)`);
      await admin.end();
    }
  }
  return sides.map((s) => ({
    database: driver,
    server: s.name,
    'votes/s (median)': Math.round(median(s.rates)),
    spread: spread(s.rates),
    ...(admin ? { 'commits/vote (median)': median(s.commits).toFixed(2) } : {}),
    'rounds lost/doubled': s.failures,
  }));
}

const rows = [];
let pg;
try {
  let pgUrl = process.env.BENCH_DATABASE_URL;
  if (drivers.includes('postgres') && !pgUrl) {
    pg = startPostgres(54419);
    pgUrl = pg?.url;
  }
  for (const d of drivers) {
    if (d === 'postgres' && !pgUrl) continue;
    const got = await bench(d, d === 'postgres' ? pgUrl : undefined);
    if (got.length === 2) got[0].ratio = `${(got[0]['votes/s (median)'] / got[1]['votes/s (median)']).toFixed(2)}×`;
    rows.push(...got);
  }
} finally {
  pg?.stop();
  for (const d of temp) rmSync(d, { recursive: true, force: true });
}
console.table(rows);
console.log(`(${rounds} interleaved rounds of ${seconds} s, ${connections} connections, loopback; commits/vote counts every transaction of the server's database, live notices included)`);
if (rows.some((r) => r['rounds lost/doubled'])) process.exit(1);
