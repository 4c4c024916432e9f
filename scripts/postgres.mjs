// A throwaway PostgreSQL cluster for the tests and the benchmark: initdb in a temp dir, serving on
// loopback only (trust auth, nothing reachable from outside), run as the `postgres` user when we are
// root. start() resolves with its URL; stop() removes it.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The directory of initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBin() {
  const candidates = [...(existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : []), '/usr/local/bin', '/usr/bin'];
  return candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl'))) ?? null;
}

/** `settings`: more server settings (`{ shared_preload_libraries: 'pg_stat_statements' }`, for the benchmark). */
export function startPostgres(port = 54329, settings = {}) {
  const bin = postgresBin();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'kolo-pg-'));
  chmodSync(dir, 0o777);
  const root = process.getuid?.() === 0;
  const run = (cmd, args) => {
    const full = root ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const r = spawnSync(full[0], full[1], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '-N']);
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200${Object.entries(settings).map(([k, v]) => ` -c ${k}=${v}`).join('')}`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const pg = startPostgres();
  console.log(pg ? pg.url : 'no PostgreSQL installed');
  pg?.stop();
}
