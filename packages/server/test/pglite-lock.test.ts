// One server per PGlite data folder: a second server process on the same folder is refused at start
// (two would each keep their own copy of the data and lose acknowledged votes), a lock left by a killed
// process does not block the next start, and closing releases the lock. Real processes, real HTTP.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockFolder } from '../src/db/lock.ts';
import { vote } from './harness.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const token = randomBytes(32).toString('base64');
const children = new Set<ChildProcess>();

interface Started {
  child: ChildProcess;
  /** the server's address once it listens; undefined when it exited first */
  url?: string;
  code?: number | null;
  output: string;
}

/** Start `kolo-server` (src/main.ts) as its own process on PGlite in `dataDir`; resolves once it listens or exits. */
function start(dataDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['--conditions=kolo-source', '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, NODE_ENV: 'development', PORT: '0', HOST: '127.0.0.1', KOLO_DATA_DIR: dataDir, KOLO_ADMIN_TOKEN: token, DATABASE_URL: '' },
  });
  children.add(child);
  const s: Started = { child, output: '' };
  return new Promise((resolve) => {
    const read = (chunk: Buffer) => {
      s.output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(s.output)?.[1];
      if (url && !s.url) resolve(Object.assign(s, { url }));
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      children.delete(child);
      resolve(Object.assign(s, { code }));
    });
  });
}

const exited = (s: Started) => (s.child.exitCode !== null || s.child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => s.child.once('exit', () => r())));
async function stop(s: Started, signal: NodeJS.Signals = 'SIGTERM') {
  s.child.kill(signal);
  await exited(s);
}

/** Send `n` votes through `url`; how many were acknowledged (200). */
async function votes(url: string, prefix: string, n: number) {
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const r = await fetch(`${url}/v1/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(vote('lock-poll', `${prefix}-${i}`, ['a'])) });
    if (r.status === 200) ok++;
  }
  return ok;
}

const voters = async (url: string) => {
  const r = await fetch(`${url}/v1/admin/widgets`, { headers: { authorization: `Bearer ${token}` } });
  const list = (await r.json()) as { widgets: { kind: string; id: string; voters: number }[] };
  return list.widgets.find((w) => w.id === 'lock-poll')?.voters ?? 0;
};

// one data folder for the file (creating one costs PGlite an initdb)
const tmp = mkdtempSync(join(tmpdir(), 'kolo-lock-'));
const dir = join(tmp, 'data');

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

describe('the PGlite data folder lock', () => {
  it('refuses a second server process on the same folder, naming the folder and the holder', async () => {
    const first = await start(dir);
    expect(first.url, first.output).toBeDefined();
    const second = await start(dir);
    if (second.url) {
      // the attack: both run; count what survives a restart of the votes both acknowledged
      const acknowledged = (await votes(first.url!, 'one', 100)) + (await votes(second.url, 'two', 100));
      await stop(first);
      await stop(second);
      const again = await start(dir);
      const kept = await voters(again.url!);
      await stop(again);
      expect.fail(`a second server started on the same folder; ${acknowledged - kept} of ${acknowledged} acknowledged votes lost after a restart`);
    }
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(dir);
    expect(second.output).toContain(`pid ${first.child.pid}`);
    expect(await votes(first.url!, 'one', 20)).toBe(20);
    await stop(first);
    // closed: the lock is released, the next server starts and sees every vote
    const next = await start(dir);
    expect(next.url, next.output).toBeDefined();
    expect(await voters(next.url!)).toBe(20);
    await stop(next);
  });

  it('does not let a lock left by a killed process (kill -9) block the next start', async () => {
    const killed = await start(dir);
    const before = await voters(killed.url!);
    expect(await votes(killed.url!, 'k', 10)).toBe(10);
    await stop(killed, 'SIGKILL');
    const next = await start(dir);
    expect(next.url, next.output).toBeDefined();
    expect(await voters(next.url!)).toBe(before + 10);
    await stop(next);
  });

  it('refuses a second open in the same process and is free again once released', () => {
    mkdirSync(dir, { recursive: true });
    const release = lockFolder(dir);
    expect(() => lockFolder(dir)).toThrow(`pid ${process.pid}`);
    release();
    lockFolder(dir)();
  });

  it('tells a reused pid from its holder by the process start time (Linux)', () => {
    const reused = join(tmp, 'reused');
    mkdirSync(reused);
    const lock = (started: string | null) => writeFileSync(join(reused, 'kolo-server.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), started, token: 't' }));
    const stat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
    lock(started); // the running parent process holds it
    expect(() => lockFolder(reused)).toThrow(`pid ${process.ppid}`);
    lock(String(Number(started) - 1)); // the pid runs, but is another process than the one that took the lock
    lockFolder(reused)();
  });

  it('lets exactly one of several starts racing for a stale lock take it', async () => {
    const race = join(tmp, 'race');
    mkdirSync(race);
    const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a pid that no longer runs
    writeFileSync(join(race, 'kolo-server.lock'), JSON.stringify({ pid: gone, host: hostname(), started: null, token: 'stale' }));
    // each racer loads, says it is ready, waits for the go (a moment, the same for all), takes the lock and holds it for two seconds
    // (so the others find it held), and says what happened
    const go = join(tmp, 'go');
    const racer = `import { existsSync, readFileSync } from 'node:fs';
      import { lockFolder } from './src/db/lock.ts';
      console.log('ready');
      while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 2));
      const at = Number(readFileSync(${JSON.stringify(go)}, 'utf8'));
      while (Date.now() < at); // all at the same millisecond
      try { const release = lockFolder(${JSON.stringify(race)}); console.log('took'); setTimeout(release, 2000); } catch (e) { console.log('refused: ' + e.message); }`;
    const racers = 8;
    let ready = 0;
    const outcomes = Promise.all(
      Array.from({ length: racers }, () => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', racer], { cwd: serverDir });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          if (String(d).includes('ready') && ++ready === racers) writeFileSync(go, String(Date.now() + 200));
        });
        return new Promise<string>((r) => child.on('exit', () => r(out.replace('ready', '').trim())));
      }),
    );
    const all = await outcomes;
    const took = all.filter((o) => o === 'took');
    expect(took, all.join('\n')).toHaveLength(1);
    expect(all.filter((o) => o.startsWith('refused: the PGlite data folder'))).toHaveLength(racers - 1);
  });
});
