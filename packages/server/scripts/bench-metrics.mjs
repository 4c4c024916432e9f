#!/usr/bin/env node
// Admin metrics over many signals: inserts BENCH_SIGNALS (default 1,000,000) signals spread over
// 2030 into a fresh PostgreSQL database, starts the server, times `GET /v1/admin/metrics` for the
// year BENCH_RUNS times (default 5) and prints the median and the server's memory before and after.
//   BENCH_DATABASE_URL  a PostgreSQL server to use (else one is started, as `pnpm bench:server` does)
//   BENCH_RUN           built (default) or tsx: how this server runs
//   BENCH_BASELINE      another packages/server folder (e.g. a worktree of main): measured the same
//                       way on the same database, after this one, with the ratio
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { startPostgres } from '../../../scripts/postgres.mjs';
import { commands, median, memory, startServer, stopServer } from './serve.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const total = Number(process.env.BENCH_SIGNALS ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const token = randomBytes(32).toString('base64url');

const pg = process.env.BENCH_DATABASE_URL ? null : startPostgres(54339);
const base = process.env.BENCH_DATABASE_URL ?? pg?.url;
if (!base) throw new Error('no PostgreSQL: set BENCH_DATABASE_URL');
const name = `kolo_bench_metrics_${randomBytes(4).toString('hex')}`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const databaseUrl = url.toString();

/** Start the server of `dir`, measure the metrics of 2030 `runs` times, stop it. */
async function measure(label, dir, command) {
  const { child, url: server } = await startServer(command(dir), { DATABASE_URL: databaseUrl, KOLO_ADMIN_TOKEN: token });
  try {
    const before = memory(child.pid);
    const times = [];
    let body = '';
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const res = await fetch(`${server}/v1/admin/metrics?from=2030-01-01T00:00:00Z&to=2031-01-01T00:00:00Z&tz=Europe/Kyiv&target=24&work=1-5,9-18`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(120_000),
      });
      body = await res.text();
      if (res.status !== 200) throw new Error(`${label}: ${res.status} ${body.slice(0, 200)}`);
      times.push(performance.now() - t0);
    }
    const after = memory(child.pid);
    const result = { label, medianMs: Math.round(median(times)), runsMs: times.map(Math.round), rssBeforeMB: before.rss, rssAfterMB: after.rss, peakMB: after.peak, answerBytes: body.length };
    console.log(JSON.stringify(result));
    return { ...result, answer: JSON.parse(body) };
  } finally {
    await stopServer(child);
  }
}

try {
  // the first start migrates the new database; then the signals, as one statement
  await stopServer((await startServer(commands.tsx(here), { DATABASE_URL: databaseUrl })).child);
  const db = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const t0 = performance.now();
  await db.unsafe(`
    insert into kolo_signals (type, kind, widget, voter, at, data)
    select t.type, w.kind, w.kind || '-' || (i * 13 % 40), 'v' || (i::bigint * 7919 % 50000),
      timestamptz '2030-01-01 00:00:00+00' + (i::float8 / $1) * interval '365 days',
      case t.type when 'submit' then jsonb_build_object('choices', (array['a', 'b', 'a b', 'c'])[1 + i * 17 % 4])
        when 'next-step' then jsonb_build_object('href', 'https://example.org', 'part', case when i % 3 = 0 then 'tool' else 'contact' end) end
    from generate_series(1, $1::int) as i,
      lateral (select (array['view', 'view', 'view', 'view', 'interact', 'submit', 'next-step', 'dismiss'])[1 + i * 31 % 8] as type) t,
      lateral (select (array['poll', 'choice', 'reactions', 'faq', 'help-banner', 'ideas'])[1 + i * 11 % 6] as kind) w`,
    [total],
  );
  await db.unsafe('analyze kolo_signals');
  await db.end();
  console.log(JSON.stringify({ inserted: total, seconds: Math.round((performance.now() - t0) / 100) / 10 }));

  const now = await measure('this', here, commands[process.env.BENCH_RUN ?? 'built']);
  if (process.env.BENCH_BASELINE) {
    const before = await measure('baseline', process.env.BENCH_BASELINE, commands.tsx);
    const sameAnswer = isDeepStrictEqual(now.answer, before.answer);
    console.log(JSON.stringify({ speedup: Math.round((before.medianMs / now.medianMs) * 10) / 10, peakMB: { this: now.peakMB, baseline: before.peakMB }, sameAnswer }));
  }
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
  pg?.stop();
}
