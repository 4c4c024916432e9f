#!/usr/bin/env node
// Start-up of the server: milliseconds from spawning node to "listening on", and its memory then
// (RSS, and the peak so far), on PostgreSQL (a migrated database) and on PGlite in a new folder,
// the built JavaScript (bin/kolo-server.mjs → dist/main.js) against the sources through tsx,
// interleaved (built, tsx, built, tsx …) BENCH_RUNS times (default 5); prints medians.
//   BENCH_DATABASE_URL  a PostgreSQL server to use (else one is started, as `pnpm bench:server` does)
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { startPostgres } from '../../../scripts/postgres.mjs';
import { commands, median, memory, startServer, stopServer } from './serve.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);
execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: here, stdio: 'inherit' });

const pg = process.env.BENCH_DATABASE_URL ? null : startPostgres(54338);
const base = process.env.BENCH_DATABASE_URL ?? pg?.url;
const admin = base ? postgres(base, { max: 1, onnotice: () => {} }) : null;
const name = `kolo_bench_startup_${randomBytes(4).toString('hex')}`;
let databaseUrl = null;
if (admin) {
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}

/** One start: time to listening, memory then; the server is stopped again. */
async function once(how, env) {
  const { child, ms } = await startServer(commands[how](here), env);
  const m = memory(child.pid);
  await stopServer(child);
  return { ms, ...m };
}

async function compare(database, envFor) {
  const results = { built: [], tsx: [] };
  for (let i = 0; i < runs; i++) {
    for (const how of ['built', 'tsx']) {
      const { env, done } = envFor();
      try {
        results[how].push(await once(how, env));
      } finally {
        done();
      }
    }
  }
  for (const how of ['built', 'tsx']) {
    const r = results[how];
    console.log(JSON.stringify({ database, how, medianMs: Math.round(median(r.map((x) => x.ms))), rssMB: median(r.map((x) => x.rss)), peakMB: median(r.map((x) => x.peak)), runsMs: r.map((x) => Math.round(x.ms)) }));
  }
}

try {
  if (databaseUrl) {
    // the first start migrates the new database; the measured ones find it migrated
    await stopServer((await startServer(commands.built(here), { DATABASE_URL: databaseUrl })).child);
    await compare('PostgreSQL', () => ({ env: { DATABASE_URL: databaseUrl }, done: () => {} }));
  } else console.log('no PostgreSQL: set BENCH_DATABASE_URL to measure it');
  await compare('PGlite, new folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kolo-bench-startup-'));
    return { env: { DATABASE_URL: '', KOLO_DATA_DIR: dir }, done: () => rmSync(dir, { recursive: true, force: true }) };
  });
} finally {
  if (admin) {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  pg?.stop();
}
