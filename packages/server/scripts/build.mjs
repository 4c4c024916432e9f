#!/usr/bin/env node
// Builds @kolo/server to JavaScript: src/main.ts (the `kolo-server` command) and src/index.ts (the
// API) bundled by esbuild with @kolo/core inlined from its sources and the other dependencies left
// as imports; the SQL migrations copied beside them (migrate.ts reads ./migrations/ next to itself).
// About a second. `--types` also writes the declarations (tsc), for the published package.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dir = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((d) => d !== '@kolo/core');

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: dir,
  entryPoints: { main: 'src/main.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  conditions: ['kolo-source'],
  external: [...external, ...external.map((d) => `${d}/*`)],
  sourcemap: true,
  logLevel: 'warning',
});
cpSync(new URL('../src/db/migrations', import.meta.url), new URL('../dist/migrations', import.meta.url), { recursive: true });
if (process.argv.includes('--types')) {
  execFileSync(fileURLToPath(new URL('../node_modules/.bin/tsc', import.meta.url)), ['-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  execFileSync(process.execPath, ['../../scripts/fix-dts.mjs', 'dist'], { cwd: dir, stdio: 'inherit' });
}
