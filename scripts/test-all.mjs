#!/usr/bin/env node
// Every test suite of the project, one after another, and one closing line "N passed, N failed".
// Each step is counted by its own tests (Vitest, web-test-runner, pack, demo e2e, the Storybook
// checks on the Storybook just built) or as one check (typecheck, size budget, Storybook build).
// Under the summary, each failure again (its name and the start of its error). Exits non-zero when
// anything failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './postgres.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'kolo-results-'));
const bin = (pkg, name) => join(root, pkg, 'node_modules/.bin', name);
const summary = [];

function step(name, cmd, args, { cwd = root, env = {}, counts } = {}) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...env } });
  let passed = 0;
  let failed = 0;
  let failures = [];
  if (counts) {
    try {
      ({ passed, failed, failures = [] } = counts());
    } catch {
      failed = 1; // the suite did not report: it did not run
      failures = ['it wrote no results: it did not run (see its output above)'];
    }
    if (r.status !== 0 && failed === 0) failed = 1;
  } else if (r.status === 0) passed = 1;
  else failed = 1;
  if (failed && !failures.length) failures = [`exit code ${r.status ?? r.signal} (see its output above)`];
  summary.push({ name, passed, failed, failures, seconds: Math.round((Date.now() - started) / 1000) });
}

const json = (file) => JSON.parse(readFileSync(join(out, file), 'utf8'));
/** Vitest's JSON report as counts, with each failed test's file, name and first lines of its error. */
const vitest = (file) => {
  const r = json(file);
  const failures = r.testResults.flatMap((f) => [
    ...f.assertionResults.filter((a) => a.status === 'failed').map((a) => `${f.name.replace(`${root}`, '')}: ${a.fullName}: ${a.failureMessages.join(' ')}`),
    ...(f.status === 'failed' && !f.assertionResults.length ? [`${f.name.replace(`${root}`, '')}: ${f.message}`] : []),
  ]);
  return { passed: r.numPassedTests, failed: r.numFailedTests + (r.numTotalTestSuites && !r.numTotalTests ? 1 : 0), failures };
};

step('typecheck (tsc, strict)', 'pnpm', ['run', '--silent', 'typecheck']);
step('architecture (dependency-cruiser: no cycles, no upward imports)', 'pnpm', ['run', '--silent', 'architecture']);
step('@kolo/core unit tests (Vitest, Node)', bin('packages/core', 'vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(out, 'vitest.json')}`], {
  cwd: join(root, 'packages/core'),
  counts: () => vitest('vitest.json'),
});
// the server's tests run on PGlite, and on a throwaway PostgreSQL cluster when PostgreSQL is installed
let pg = null;
try {
  pg = startPostgres();
} catch (e) {
  console.log(`PostgreSQL could not start (${e.message}); the server tests run on PGlite only`);
}
if (!pg) console.log('PostgreSQL is not installed; the server tests run on PGlite only');
step(`@kolo/server tests (Vitest, real HTTP; PGlite${pg ? ' + PostgreSQL' : ''})`, bin('packages/server', 'vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(out, 'server.json')}`], {
  cwd: join(root, 'packages/server'),
  env: pg ? { KOLO_TEST_DATABASE_URL: pg.url } : {},
  counts: () => vitest('server.json'),
});
pg?.stop();
step('@kolo/widgets browser tests (web-test-runner, Chromium)', bin('packages/widgets', 'web-test-runner'), ['--config', 'web-test-runner.config.mjs'], {
  cwd: join(root, 'packages/widgets'),
  env: { KOLO_WTR_RESULTS: join(out, 'wtr.json') },
  counts: () => json('wtr.json'),
});
step('@kolo/widgets server-side rendering (Vitest, Node, @lit-labs/ssr)', bin('packages/widgets', 'vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(out, 'ssr.json')}`], {
  cwd: join(root, 'packages/widgets'),
  counts: () => vitest('ssr.json'),
});
step('size budget', 'node', ['scripts/size.mjs']);
step('packages install and render from their tarballs', 'node', ['scripts/pack-test.mjs'], {
  env: { KOLO_RESULTS: join(out, 'pack.json') },
  counts: () => json('pack.json'),
});
step('demo end to end (vote, live, reload, team console)', 'node', ['scripts/demo-e2e.mjs'], {
  env: { KOLO_RESULTS: join(out, 'e2e.json') },
  counts: () => json('e2e.json'),
});
step('team console end to end (a big board, a phone, another server, metrics)', 'node', ['scripts/console-e2e.mjs'], {
  env: { KOLO_RESULTS: join(out, 'console.json') },
  counts: () => json('console.json'),
});
step('Storybook builds', 'pnpm', ['run', '--silent', 'build-storybook']);
step('Storybook: every story renders, plays, passes axe and matches its pictures', 'node', ['scripts/storybook-test.mjs'], {
  env: { KOLO_RESULTS: join(out, 'storybook.json') },
  counts: () => json('storybook.json'),
});

rmSync(out, { recursive: true, force: true });
const total = summary.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed }), { passed: 0, failed: 0 });
console.log('\n━━ summary ━━');
for (const s of summary) console.log(`${s.failed ? '✗' : '✓'} ${s.name}: ${s.passed} passed, ${s.failed} failed (${s.seconds} s)`);
// what failed, again here: a CI log is often read from its tail
const failures = summary.filter((s) => s.failed);
if (failures.length) console.log('\n━━ what failed ━━');
for (const s of failures) {
  console.log(`✗ ${s.name}`);
  for (const f of s.failures.slice(0, 12)) console.log(`  - ${f.replace(/\s+/g, ' ').slice(0, 600)}`);
  if (s.failures.length > 12) console.log(`  … and ${s.failures.length - 12} more above`);
}
console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
