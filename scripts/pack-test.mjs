#!/usr/bin/env node
// The packages are publishable as they are: build, `pnpm pack` them, install the tarballs into a
// fresh project outside the workspace, then run every check module in scripts/pack/ (in name order)
// against that project, and last the browser checks they wrote (`*.test.js` in the project) in
// Chromium. Prints its own counts; with KOLO_RESULTS=file also writes {passed, failed, failures} there.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readRegistry } from './registry.mjs';
import { checks } from './lib/checks.mjs';

/**
 * @typedef {object} PackContext
 * @property {string} root the workspace root
 * @property {string} dir the consumer project (its node_modules hold the installed tarballs)
 * @property {Array<{ tag: string, entry: string, module: string, budget: number, family: string }>} registry
 * @property {(cmd: string, args: string[], opts?: object) => void} run execFileSync with inherited output
 * @property {(name: string, fn: () => unknown) => Promise<void>} check one counted check (sync or async)
 * @property {(name: string) => string} tgz the tarball of `@kolo/<name>`
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const { widgets: registry } = await readRegistry();
const dir = mkdtempSync(join(tmpdir(), 'kolo-pack-'));
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { stdio: 'inherit', ...opts });
// a failed command shows what it printed
const { check, fail, finish, counts } = checks({ why: (e) => e.stderr || e.stdout || e.message, lines: 20 });

const tarballs = join(dir, '.tarballs');
try {
  run('pnpm', ['-r', '--filter', './packages/*', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const packages = readdirSync(join(root, 'packages')).filter((p) => !JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8')).private);
  for (const pkg of packages) run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, 'packages', pkg), stdio: 'ignore' });
  const tgz = (name) => join(tarballs, readdirSync(tarballs).find((f) => f.startsWith(`kolo-${name}-`) && f.endsWith('.tgz')));
  const core = `file:${tgz('core')}`;
  const widgets = `file:${tgz('widgets')}`;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'kolo-pack-check', private: true, type: 'module', dependencies: { '@kolo/core': core, '@kolo/widgets': widgets }, overrides: { '@kolo/core': core } }, null, 2),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir });

  /** @type {PackContext} */
  const ctx = { root, dir, registry, run, check, tgz };
  const modules = readdirSync(join(root, 'scripts/pack')).filter((f) => f.endsWith('.mjs')).sort();
  for (const m of modules) {
    console.log(` ${m}`);
    await (await import(pathToFileURL(join(root, 'scripts/pack', m)).href)).default(ctx);
  }

  const results = join(dir, 'wtr-results.json');
  try {
    run(join(root, 'packages/widgets/node_modules/.bin/web-test-runner'), ['--config', 'pack.wtr.config.mjs'], {
      cwd: join(root, 'packages/widgets'),
      env: { ...process.env, KOLO_PACK_DIR: dir, KOLO_WTR_RESULTS: results },
    });
  } catch {
    /* counted from the results file */
  }
  try {
    const r = JSON.parse(readFileSync(results, 'utf8'));
    counts.passed += r.passed;
    counts.failed += r.failed;
    console.log(`  browser checks from the installed tarballs: ${r.passed} passed, ${r.failed} failed`);
  } catch {
    fail('browser checks did not run');
  }
} catch (e) {
  fail(`packing or installing failed: ${e.message}`);
} finally {
  if (!process.env.KOLO_PACK_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(`  (kept ${dir})`);
}

finish('pack test');
