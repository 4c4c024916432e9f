// @kolo/server from its tarball: installed in a fresh project, `npx kolo-server` serves with PGlite
// (its default data folder), and /v1/ready, /metrics and /v1/openapi.json answer; SIGTERM stops it.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';

/** Start `npx kolo-server` in `cwd` (its own process group); resolves with its URL once it listens. */
function serve(cwd, env) {
  const child = spawn('npx', ['--no-install', 'kolo-server'], { cwd, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development', DATABASE_URL: '', KOLO_DATA_DIR: '', ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = new Promise((resolve, reject) => {
    const read = (d) => {
      out += d;
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m) resolve(m[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`kolo-server exited ${code} before listening:\n${out}`)));
    setTimeout(() => reject(new Error(`kolo-server did not listen within 240 s:\n${out}`)), 240_000).unref();
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(child.exitCode);
      child.once('exit', (code, signal) => resolve(code ?? signal));
      process.kill(-child.pid, 'SIGTERM');
    });
  return { url, stop, output: () => out };
}

/** @param {import('../pack-test.mjs').PackContext} ctx */
export default async function ({ dir, check, tgz }) {
  const app = join(dir, 'server-app');
  mkdirSync(app, { recursive: true });
  await check('the server tarball ships compiled JavaScript, migrations, LICENSE and DEPLOY.md, no sources or tests, and is public', () => {
    const list = execFileSync('tar', ['-tzf', tgz('server')], { encoding: 'utf8' });
    for (const f of ['package/dist/main.js', 'package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/migrations/0001-tables.sql', 'package/bin/kolo-server.mjs', 'package/LICENSE', 'package/DEPLOY.md', 'package/README.md']) {
      if (!list.includes(f)) throw new Error(`missing ${f}`);
    }
    if (/package\/(src|test|scripts)\//.test(list)) throw new Error('sources, tests or scripts are packed');
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tgz('server'), 'package/package.json'], { encoding: 'utf8' }));
    if (manifest.private || manifest.publishConfig?.access !== 'public') throw new Error('not public');
    if (JSON.stringify(manifest.exports).includes('kolo-source')) throw new Error('the workspace-only export condition is published');
    const exact = Object.entries(manifest.dependencies).filter(([, v]) => !v.startsWith('^'));
    if (exact.length) throw new Error(`runtime dependencies without a caret range: ${exact.map(([k, v]) => `${k}@${v}`).join(', ')}`);
  });

  await check('@kolo/server installs from its tarball with a kolo-server bin', () => {
    const core = `file:${tgz('core')}`;
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'kolo-server-check', private: true, type: 'module', dependencies: { '@kolo/server': `file:${tgz('server')}`, '@kolo/core': core }, overrides: { '@kolo/core': core } }, null, 2));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: 'pipe' });
    if (!existsSync(join(app, 'node_modules/.bin/kolo-server'))) throw new Error('no kolo-server bin');
    const help = execFileSync('npx', ['--no-install', 'kolo-server', '--help'], { cwd: app, encoding: 'utf8' });
    for (const c of ['migrate', 'register', 'export', 'import']) if (!help.includes(`kolo-server ${c}`)) throw new Error(`--help does not list ${c}:\n${help}`);
  });

  await check('`npx kolo-server` serves with PGlite: /v1/ready, /metrics and /v1/openapi.json answer', async () => {
    const server = serve(app, {});
    try {
      const url = await server.url;
      const ready = await fetch(`${url}/v1/ready`);
      const r = await ready.json();
      if (ready.status !== 200 || !r.ok || r.database.driver !== 'pglite' || r.migrations.applied !== r.migrations.expected) throw new Error(`ready: ${ready.status} ${JSON.stringify(r)}`);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      if (!/^kolo_http_requests_total\{method="GET",route="\/v1\/ready",status="200"\} 1$/m.test(metrics)) throw new Error(`metrics do not count the ready check:\n${metrics.slice(0, 500)}`);
      const doc = await (await fetch(`${url}/v1/openapi.json`)).json();
      if (doc.openapi !== '3.1.0' || !doc.paths['/v1/actions']?.post?.requestBody) throw new Error(`openapi: ${JSON.stringify(doc).slice(0, 300)}`);
      if (!existsSync(join(app, '.kolo-data'))) throw new Error('no PGlite folder .kolo-data in the working directory');
      if (!/"route":"\/v1\/ready","status":200/.test(server.output())) throw new Error(`no JSON request log line:\n${server.output()}`);
    } finally {
      // SIGTERM to npx and the server it runs: the server finishes, closes PGlite and releases the folder's lock
      await server.stop();
      const lock = join(app, '.kolo-data', 'kolo-server.lock');
      for (let i = 0; i < 120 && existsSync(lock); i++) await sleep(500);
      if (existsSync(lock)) throw new Error(`SIGTERM: the PGlite folder is still locked after 60 s\n${server.output()}`);
    }
  });
}
