#!/usr/bin/env node
// pnpm bench:server: Kolo's server measured against anchors in the same run (issue 14's targets).
//   votes    votes/s vs a minimal Hono + postgres.js transaction endpoint (and its PGlite twin), 50 and
//            200 connections, interleaved rounds, ratios; every acknowledged vote stored exactly once
//   reads    GET a poll vs a minimal read
//   live     2,000 open SSE streams on one poll: votes/s on it vs none, update delay p50/p95,
//            SQL statements per vote with and without streams
//   board    a board of 50,000 ideas: first page bytes and time, an upvote's time
//   crash    kill -9 mid-load, restart: 0 acknowledged votes lost
//   metrics, startup: scripts/bench-metrics.mjs and scripts/bench-startup.mjs, when they exist
// BENCH_ONLY=votes,reads,… runs some; BENCH_SECONDS (5), BENCH_ROUNDS (3), BENCH_STREAMS (2000),
// BENCH_IDEAS (50000), BENCH_DB=postgres|pglite, BENCH_PG_PORT (54450), BENCH_VERBOSE=1 (servers' stderr).
// Loopback only; every process and cluster it starts is stopped at the end and on Ctrl+C.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { clusterUrl, databases } from './bench/db.mjs';
import { rounds, seconds } from './bench/load.mjs';
import { here, prepareServer } from './bench/procs.mjs';

const SECTIONS = ['votes', 'reads', 'live', 'board', 'crash', 'metrics', 'startup'];
const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
  console.error(`BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const wanted = (s) => !only.length || only.includes(s);
const failures = [];
const started = Date.now();

const print = (title, rows, notes = []) => {
  console.log(`\n## ${title}`);
  if (rows.length) console.table(rows);
  for (const n of notes) console.log(`  ${n}`);
};

/** Another helper's benchmark script, run as it is, its output shown; skipped with a line when it is missing. */
function script(name, file) {
  const path = join(here, 'scripts', file);
  if (!existsSync(path)) return print(name, [], [`skipped: scripts/${file} does not exist`]);
  console.log(`\n## ${name} (scripts/${file})`);
  return new Promise((resolve) => {
    // on this run's cluster, when there is one, rather than a cluster of their own
    // and as many runs as this one has rounds, unless BENCH_RUNS says otherwise
    const env = { BENCH_RUNS: String(rounds), ...process.env, ...(clusterUrl() ? { BENCH_DATABASE_URL: clusterUrl() } : {}) };
    const child = spawn(process.execPath, [path], { cwd: here, stdio: 'inherit', env });
    const kill = () => child.kill('SIGKILL');
    process.once('exit', kill);
    const timer = setTimeout(() => (console.log(`  stopped after 300 s`), kill()), 300_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      process.off('exit', kill);
      if (code) failures.push(`scripts/${file} exited with ${code}`);
      resolve();
    });
  });
}

try {
  console.log(`Kolo server benchmark: ${prepareServer()}, NODE_ENV=production (widgets registered through the admin API), node ${process.version}, loopback`);
  const dbs = await databases();
  if (!dbs.includes('PostgreSQL')) console.log('PostgreSQL is not installed (or BENCH_DB=pglite): PGlite only');
  const { roundsNote } = await import('./bench/votes.mjs');
  if (wanted('votes') || wanted('reads')) {
    // one Kolo server and one anchor per database for both sections
    const { hello, reads, votes, withPair } = await import('./bench/votes.mjs');
    const [v, r] = [[], []];
    for (const db of dbs) {
      await withPair(db, async (pair) => {
        if (wanted('votes')) v.push(...(await votes(pair, db, failures)));
        if (wanted('reads')) r.push(...(await reads(pair, db)));
      });
    }
    if (wanted('votes')) {
      print('Votes: Kolo / minimal transaction endpoint', v, [
        roundsNote(),
        `the machine's ceiling: a bare Hono "hello" route serves ${await hello()} req/s at 50 connections`,
        'anchor: Hono + postgres.js (or PGlite), one transaction: ballot insert … on conflict do nothing, counter upsert, select counts',
        'SQL stmts (txns) per vote: Kolo vs anchor, medians over rounds, from pg_stat_statements: every statement (BEGIN/COMMIT included) and the explicit transactions, per vote stored',
      ]);
    }
    if (wanted('reads')) print('Reads: Kolo / minimal read (select counts)', r, [roundsNote()]);
  }
  if (wanted('live')) {
    const { live } = await import('./bench/live.mjs');
    for (const db of dbs) {
      const r = await live(db, failures);
      print(`Live: ${r.streams} open streams on one poll, ${db}`, r.rows, r.notes);
    }
  }
  if (wanted('board')) {
    const { board } = await import('./bench/board.mjs');
    const r = await board(dbs[0]);
    print(`Board of ${r.ideas} ideas, ${dbs[0]}`, r.rows, r.notes);
  }
  if (wanted('crash')) {
    const { crash } = await import('./bench/crash.mjs');
    const rows = [];
    for (const db of dbs) rows.push(...(await crash(db, failures)));
    print('Crash', rows);
  }
  if (wanted('metrics')) await script('Admin metrics over 1 M signals', 'bench-metrics.mjs');
  if (wanted('startup')) await script('Start-up time and memory', 'bench-startup.mjs');
} catch (e) {
  failures.push(`the benchmark stopped: ${e.stack ?? e}`);
}
console.log(`\n(${seconds} s per round, ${rounds} rounds; whole run ${Math.round((Date.now() - started) / 1000)} s)`);
if (failures.length) {
  console.error(`\n${failures.length} check(s) failed:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
}
process.exit();
