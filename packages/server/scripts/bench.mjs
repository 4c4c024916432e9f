#!/usr/bin/env node
// pnpm bench:server: votes per second and latency of the real server (PGlite, and PostgreSQL when
// installed), checked against what was acknowledged (zero lost, zero double-counted); the same load
// on a bare Hono "hello" route for scale; and a crash test: kill -9 the server mid-load, restart it,
// and check that every acknowledged vote is there. Loopback only; each phase is bounded in time.
//   BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startPostgres } from '../../../scripts/postgres.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const policy = { options: ['a', 'b'], multiple: false, change: false };
let failures = 0;

function spawnServer(env) {
  const child = spawn(process.execPath, ['--conditions=kolo-source', '--import', 'tsx', 'src/main.ts'], {
    cwd: here,
    env: { ...process.env, HOST: '127.0.0.1', KOLO_RATE_PER_VOTER: '1000000', KOLO_RATE_PER_IP: '100000000', KOLO_IP_SALT: 'bench', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('listening on')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}
const stop = (child, signal = 'SIGTERM') => new Promise((r) => (child.exitCode !== null || child.signalCode ? r() : (child.once('exit', () => r()), child.kill(signal))));

/** Load the vote endpoint; returns autocannon's result and the voters whose votes were acknowledged. */
async function voteLoad(base, poll, duration, onStart) {
  const acked = new Set();
  let n = 0;
  const run = autocannon({
    url: base,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/v1/actions',
        headers: { 'content-type': 'application/json' },
        setupRequest(req, ctx) {
          const voter = `bench-${poll}-${++n}`;
          ctx.voter = voter;
          return { ...req, body: JSON.stringify({ type: 'vote', id: `${voter}-k`, voter, widget: { kind: 'poll', id: poll }, choices: [n % 2 ? 'a' : 'b'], policy, at: new Date().toISOString() }) };
        },
        onResponse(status, _body, ctx) {
          if (status === 200) acked.add(ctx.voter);
        },
      },
    ],
  });
  onStart?.(run);
  const result = await run;
  return { result, acked, sent: n };
}

/** Acknowledged votes that the server does not have. */
async function lostOf(base, poll, acked) {
  let missing = 0;
  for (const voter of acked) {
    const mine = (await (await fetch(`${base}/v1/widgets/poll/${poll}`, { headers: { 'kolo-voter': encodeURIComponent(voter) } })).json()).mine;
    if (!mine.length) missing++;
  }
  return missing;
}

const tally = async (base, poll) => (await fetch(`${base}/v1/widgets/poll/${poll}`, { headers: { 'kolo-voter': 'checker' } })).json();
const row = (name, r) => ({ name, 'req/s': Math.round(r.requests.average), 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx });

const rows = [];
const databases = [];
const pg = startPostgres(54330);
databases.push({ name: 'PGlite', env: () => ({ KOLO_DATA_DIR: mkdtempSync(join(tmpdir(), 'kolo-bench-')) }) });
if (pg) databases.push({ name: 'PostgreSQL', env: () => ({ DATABASE_URL: pg.url }) });

try {
  for (const db of databases) {
    const env = { ...db.env(), PORT: '8791' };
    // throughput, with every acknowledged vote counted exactly once
    let server = await spawnServer(env);
    const poll = `load-${db.name}`;
    const { result, acked, sent } = await voteLoad('http://127.0.0.1:8791', poll, seconds);
    await new Promise((r) => setTimeout(r, 1000)); // requests still in flight when the run ended
    const t = await tally('http://127.0.0.1:8791', poll);
    // every acknowledged vote is there; nothing is counted twice (each voter sent one vote, so the
    // counts add up to the voters and never exceed what was sent; requests cut off by the end of the
    // run may be counted without their acknowledgement having arrived)
    const lost = await lostOf('http://127.0.0.1:8791', poll, acked);
    const doubled = (t.counts.a ?? 0) + (t.counts.b ?? 0) - t.voters + Math.max(0, t.voters - sent);
    if (lost || doubled) failures++;
    rows.push({ ...row(`votes on ${db.name}`, result), acknowledged: acked.size, counted: t.voters, 'lost/double': `${lost} / ${doubled}` });

    // crash: kill -9 in the middle of the load, restart, and look for every acknowledged vote
    const crashPoll = `crash-${db.name}`;
    let killed = false;
    const crash = voteLoad('http://127.0.0.1:8791', crashPoll, Math.max(4, Math.ceil(seconds / 2)), () =>
      setTimeout(() => {
        killed = true;
        server.kill('SIGKILL');
      }, 2000),
    );
    const { acked: before } = await crash;
    await stop(server, 'SIGKILL');
    server = await spawnServer(env);
    const missing = await lostOf('http://127.0.0.1:8791', crashPoll, before);
    const after = await tally('http://127.0.0.1:8791', crashPoll);
    if (!killed || missing) failures++;
    rows.push({ name: `kill -9 mid-load on ${db.name}`, acknowledged: before.size, counted: after.voters, 'lost/double': `${missing} lost` });
    await stop(server);
  }

  // the same machine's ceiling: a bare Hono route
  const hello = spawn(process.execPath, ['scripts/hello.mjs'], { cwd: here, env: { ...process.env, PORT: '8790' }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((r) => hello.stdout.once('data', r));
  const bare = await autocannon({ url: 'http://127.0.0.1:8790/', connections, duration: seconds });
  rows.push(row('bare Hono "hello"', bare));
  await stop(hello);
} finally {
  pg?.stop();
}

const helloRate = rows.find((r) => r.name.startsWith('bare'))?.['req/s'];
for (const r of rows) if (r['req/s'] && helloRate && !r.name.startsWith('bare')) r['of hello'] = `${((100 * r['req/s']) / helloRate).toFixed(1)}%`;
console.table(rows);
console.log(`(${seconds} s per phase, ${connections} connections, loopback; node ${process.version})`);
if (failures) {
  console.error(`${failures} check(s) failed: votes were lost or counted twice`);
  process.exit(1);
}
