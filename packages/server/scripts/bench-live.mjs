#!/usr/bin/env node
// Live streams under load: N open SSE streams (plain http, one poll) and the votes on that poll.
// For each server and database: votes/s on a poll nobody follows, then N streams on another poll and
// votes/s on it (the ratio is the cost of the streams), then single votes one by one and the delay from
// each vote's acknowledgement until each stream sees it (p50, p95, and streams that did not within
// BENCH_WAIT_MS). Loopback only; every phase is bounded in time; servers, streams and databases are
// removed at the end.
//   BENCH_STREAMS (default 1000,2000)   BENCH_SECONDS (default 8)   BENCH_CONNECTIONS (default 20)
//   BENCH_PROBES (default 5)   BENCH_WAIT_MS (default 15000)   BENCH_DB (pglite,postgres)
//   BENCH_DATABASE_URL: a PostgreSQL server for the postgres runs (a database is made and dropped per run)
//   BENCH_BEFORE: another checkout's packages/server, run side by side as "before" (e.g. a worktree of main)
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import postgres from 'postgres';

const here = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const counts = (env.BENCH_STREAMS ?? '1000,2000').split(',').map(Number);
const seconds = Number(env.BENCH_SECONDS ?? 8);
const connections = Number(env.BENCH_CONNECTIONS ?? 20);
const probes = Number(env.BENCH_PROBES ?? 5);
const waitMs = Number(env.BENCH_WAIT_MS ?? 15_000);
const dbs = (env.BENCH_DB ?? 'pglite,postgres').split(',').filter((d) => d === 'pglite' || env.BENCH_DATABASE_URL);
const servers = [...(env.BENCH_BEFORE ? [['before', env.BENCH_BEFORE]] : []), ['after', here]];
const policy = { options: ['a', 'b'], multiple: false, change: false };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Start a server from `dir` on a free port; resolves with its URL and a stop function. */
function startServer(dir, extra) {
  const child = spawn(process.execPath, ['--conditions=kolo-source', '--import', 'tsx', 'src/main.ts'], {
    cwd: dir,
    env: { ...env, HOST: '127.0.0.1', PORT: '0', KOLO_RATE_PER_VOTER: '1000000', KOLO_RATE_PER_IP: '100000000', KOLO_IP_SALT: 'bench', KOLO_STREAMS_PER_IP: '0', KOLO_HEADERS_TIMEOUT_MS: '0', KOLO_REQUEST_TIMEOUT_MS: '0', ...extra },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => new Promise((r) => (child.exitCode !== null || child.signalCode ? r() : (child.once('exit', () => r()), child.kill('SIGTERM'), setTimeout(() => child.kill('SIGKILL'), 10_000).unref())));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => (stop(), reject(new Error(`no server after 60 s: ${out}`))), 60_000);
    child.stdout.on('data', (d) => {
      // the tail only: a server logs a line per request, for as long as it runs
      out = (out + d).slice(-4000);
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m) clearTimeout(timer), resolve({ url: m[1], stop });
    });
    child.on('exit', (code) => (clearTimeout(timer), reject(new Error(`server exited (${code}): ${out}`))));
  });
}

/** A database for one run: PGlite in a temp folder, or a new PostgreSQL database. */
async function database(kind) {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'kolo-bench-live-'));
    return { env: { KOLO_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `kolo_bench_live_${randomBytes(5).toString('hex')}`;
  const admin = postgres(env.BENCH_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(env.BENCH_DATABASE_URL);
  u.pathname = `/${name}`;
  return { env: { DATABASE_URL: u.toString() }, drop: async () => (await admin.unsafe(`drop database if exists ${name} with (force)`), await admin.end()) };
}

const vote = (poll, voter, n) => JSON.stringify({ type: 'vote', id: `${voter}-k`, voter, widget: { kind: 'poll', id: poll }, choices: [n % 2 ? 'a' : 'b'], policy, at: new Date().toISOString() });

/** Votes/s on `poll` for `seconds` from `connections` connections (a new voter per request). */
async function voteRate(base, poll) {
  let n = 0;
  const r = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ method: 'POST', path: '/v1/actions', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: vote(poll, `${poll}-${++n}`, n) }) }],
  });
  return { rate: r.requests.average, ok: r['2xx'], errors: r.errors + r.timeouts + r.non2xx };
}

/** while the probes run: each stream notes when it saw which voters count */
let recording = false;

/** N open streams on one poll. */
async function openStreams(base, poll, n) {
  const streams = [];
  const url = new URL(`${base}/v1/events?widgets=poll:${poll}`);
  const open = (i) =>
    new Promise((resolve) => {
      const s = { events: [], req: null, ok: false };
      s.req = request(url, { agent: false, headers: { accept: 'text/event-stream', 'kolo-voter': `watcher-${i}` } }, (res) => {
        s.ok = res.statusCode === 200;
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          buf += d;
          for (let end; (end = buf.indexOf('\n\n')) >= 0; buf = buf.slice(end + 2)) {
            const data = buf.slice(0, end).split('\n').find((l) => l.startsWith('data:'));
            if (!data) continue;
            if (recording) s.events.push([performance.now(), JSON.parse(data.slice(5)).view.voters]);
          }
        });
        resolve(s);
      });
      s.req.on('error', () => resolve(s));
      s.req.end();
    });
  for (let i = 0; i < n; i += 100) streams.push(...(await Promise.all(Array.from({ length: Math.min(100, n - i) }, (_, k) => open(i + k)))));
  return streams;
}

/** Single votes one at a time: ms from each acknowledgement until each stream saw its voters count. */
async function delays(base, poll, streams) {
  const all = [];
  let missed = 0;
  recording = true;
  const seen = (s, voters) => s.events.find((e) => e[1] >= voters)?.[0];
  for (let p = 0; p < probes; p++) {
    const voter = `${poll}-probe-${p}-${Date.now()}`;
    const res = await fetch(`${base}/v1/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: vote(poll, voter, p) });
    const acked = performance.now();
    const { voters } = await res.json();
    const until = acked + waitMs;
    while (performance.now() < until && streams.some((s) => s.ok && seen(s, voters) === undefined)) await sleep(20);
    for (const s of streams) seen(s, voters) === undefined ? missed++ : all.push(Math.max(0, seen(s, voters) - acked));
    await sleep(500);
  }
  recording = false;
  all.sort((a, b) => a - b);
  const q = (f) => (all.length ? Math.round(all[Math.min(all.length - 1, Math.floor(f * all.length))]) : NaN);
  return { p50: q(0.5), p95: q(0.95), missed, of: probes * streams.length };
}

const rows = [];
for (const n of counts) {
  for (const db of dbs) {
    for (const [label, dir] of servers) {
      const d = await database(db);
      let server;
      let streams = [];
      try {
        server = await startServer(dir, d.env);
        const quiet = await voteRate(server.url, 'quiet');
        const t0 = performance.now();
        streams = await openStreams(server.url, 'live', n);
        const opened = Math.round(performance.now() - t0);
        await sleep(2000);
        const live = await voteRate(server.url, 'live');
        const delay = await delays(server.url, 'live', streams);
        rows.push({
          server: label,
          db,
          streams: `${streams.filter((s) => s.ok).length}/${n}`,
          'open ms': opened,
          'votes/s none': Math.round(quiet.rate),
          'votes/s with streams': Math.round(live.rate * 10) / 10,
          ratio: Math.round((live.rate / quiet.rate) * 100) / 100,
          errors: quiet.errors + live.errors,
          'delay p50 ms': delay.p50,
          'delay p95 ms': delay.p95,
          [`not seen in ${waitMs / 1000} s`]: `${delay.missed}/${delay.of}`,
        });
        console.log(JSON.stringify(rows.at(-1)));
      } catch (e) {
        console.error(`${label} ${db} ${n}: ${e.message}`);
      } finally {
        for (const s of streams) s.req.destroy();
        await server?.stop();
        await d.drop().catch(() => {});
      }
    }
  }
}
console.table(rows);
