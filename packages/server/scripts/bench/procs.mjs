// The benchmark's processes: Kolo servers, anchors, helpers. Every child and every PostgreSQL cluster
// started here is stopped when the benchmark ends, fails or is interrupted (Ctrl+C).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = fileURLToPath(new URL('../..', import.meta.url));
const children = new Set();
const cleanups = [];

/** Something to undo at exit (a cluster, a folder), run once, last registered first. */
export const atExit = (fn) => cleanups.push(fn);

function cleanUp() {
  for (const c of children) if (c.exitCode === null && !c.signalCode) c.kill('SIGKILL');
  children.clear();
  while (cleanups.length) {
    try {
      cleanups.pop()();
    } catch (e) {
      console.error(`bench: clean-up: ${e.message}`);
    }
  }
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (console.error(`\nbench: ${signal}, stopping every process it started`), process.exit(130)));

const t0 = Date.now();
/** A line on stderr saying where a long run is. */
export const progress = (what) => process.stderr.write(`  [${Math.round((Date.now() - t0) / 1000)} s] ${what}\n`);

/** A fresh temp folder, removed at exit. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  atExit(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Start `args` under node in the server package; resolves when stdout says `ready`. */
export function start(args, env, ready = 'listening on', { timeout = 120_000 } = {}) {
  const child = spawn(process.execPath, args, { cwd: here, env: { ...process.env, HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let err = '';
  child.stderr.on('data', (d) => {
    err = (err + d).slice(-4000);
    if (process.env.BENCH_VERBOSE) process.stderr.write(d);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} not ready in ${timeout / 1000} s: ${out}${err}`)), timeout);
    const onData = (d) => {
      out += d;
      if (out.includes(ready)) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume();
        child.out = out;
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code, signal) => (clearTimeout(timer), reject(new Error(`${args.join(' ')} exited (${code ?? signal}): ${out}${err}`))));
  });
}

/** Stop a child (SIGTERM, or `signal`) and wait for it to exit. */
export const stop = (child, signal = 'SIGTERM') =>
  new Promise((r) => (child.exitCode !== null || child.signalCode ? r() : (child.once('exit', () => r()), child.kill(signal))));

/**
 * How Kolo runs: built first (scripts/build.mjs → dist/main.js) when the package has a build, as in
 * production; else its TypeScript sources through tsx. Returns a line saying which.
 */
let serverArgs = ['--conditions=kolo-source', '--import', 'tsx', 'src/main.ts'];
export function prepareServer() {
  if (!existsSync(join(here, 'scripts/build.mjs'))) return 'the server from its TypeScript sources (tsx; the package has no build)';
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: here, encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(join(here, 'dist/main.js'))) throw new Error(`scripts/build.mjs failed: ${r.stderr || r.stdout}`);
  serverArgs = ['dist/main.js'];
  return 'the built server (scripts/build.mjs, then node dist/main.js)';
}

export const ADMIN_TOKEN = randomBytes(32).toString('base64url');
/** Kolo in production mode (registered widgets only), rate limits and stream caps out of the way. */
export const koloEnv = (port, db) => ({
  PORT: String(port),
  NODE_ENV: 'production',
  KOLO_ADMIN_TOKEN: ADMIN_TOKEN,
  KOLO_IP_SALT: 'bench-salt',
  KOLO_RATE_PER_VOTER: '1000000',
  KOLO_RATE_PER_IP: '100000000',
  KOLO_STREAMS_PER_IP: '0',
  KOLO_BODY_LIMIT: String(8 * 1024 * 1024),
  KOLO_HEADERS_TIMEOUT_MS: '0',
  KOLO_REQUEST_TIMEOUT_MS: '0',
  ...db,
});

export const startKolo = (port, db, more = {}) => start(serverArgs, { ...koloEnv(port, db), ...more });
export const startAnchor = (port, db) => start([`scripts/anchors/${db.DATABASE_URL ? 'postgres' : 'pglite'}.mjs`], { PORT: String(port), ...db });
