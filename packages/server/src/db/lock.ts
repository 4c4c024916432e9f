/**
 * An exclusive lock on a PGlite data folder. PGlite is one process's embedded database: a second server
 * on the same folder would keep its own copy of the data, and acknowledged votes would be lost.
 *
 * The lock is a file, `kolo-server.lock` in the folder, created atomically (written aside, then
 * hard-linked into place, so it is never seen half-written) and holding the owner's pid, host and
 * process start time. A lock whose owner is gone (killed with -9) is stale and is taken over: on the
 * same host when the pid is not running, or runs but started at another time (a reused pid); on
 * another host (a shared volume) when the owner stopped refreshing the file's time. Two starts that
 * find the same stale lock break it one at a time, under a second, short-lived file.
 */
import { linkSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

interface Owner {
  pid: number;
  host: string;
  /** when the process started (Linux), so a pid reused by another process is told apart */
  started: string | null;
  token: string;
}

/** the owner refreshes the lock's time this often; a lock from another host older than STALE_MS is stale */
const REFRESH_MS = 5_000;
const STALE_MS = 30_000;
/** locks this process holds (a second open of the same folder in one process is refused too) */
const held = new Set<string>();

/** The start time of process `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

function parse(text: string): Owner | undefined {
  try {
    const o = JSON.parse(text) as Owner;
    return Number.isInteger(o.pid) && typeof o.host === 'string' ? o : undefined;
  } catch {
    return undefined;
  }
}

/** Create `file` holding `text`, atomically; false when it exists. */
function create(file: string, text: string): boolean {
  const aside = `${file}.${randomBytes(6).toString('hex')}`;
  writeFileSync(aside, text, { flag: 'wx' });
  try {
    linkSync(aside, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(aside);
  }
}

/** Whether the lock's owner still runs. */
function alive(o: Owner, file: string): boolean {
  if (o.host !== hostname()) return Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) < STALE_MS;
  // our own pid: held here, or left by an earlier process that had the same pid (pid 1 in a container)
  if (o.pid === process.pid) return held.has(file);
  try {
    process.kill(o.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = startTime(o.pid);
  return !(o.started && started && started !== o.started);
}

/** Remove a stale lock, unless another start is doing so or it changed since it was read as `text`. */
function breakStale(file: string, text: string) {
  const guard = `${file}.break`;
  if (!create(guard, text)) {
    // a guard left by a process killed while breaking goes after a while; otherwise wait for the other start
    if (Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_MS) unlinkSync(guard);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    return;
  }
  try {
    if (read(file) === text) unlinkSync(file);
  } finally {
    unlinkSync(guard);
  }
}

const refusal = (dir: string, o: Owner | undefined, file: string) =>
  new Error(
    `the PGlite data folder ${dir} is in use by another server (pid ${o?.pid ?? '?'}${o && o.host !== hostname() ? ` on ${o.host}` : ''}). ` +
      `PGlite allows one server per folder: stop that one first, or use PostgreSQL (DATABASE_URL) to run several. ` +
      `If no server uses it, delete ${file}.`,
  );

/** Take the lock on `folder` (which must exist) or throw naming the folder and the holder; returns the release. */
export function lockFolder(folder: string): () => void {
  const dir = resolve(folder);
  const file = join(dir, 'kolo-server.lock');
  const text = JSON.stringify({ pid: process.pid, host: hostname(), started: startTime(process.pid), token: randomBytes(8).toString('hex') } satisfies Owner);
  for (let attempt = 0; attempt < 200; attempt++) {
    if (create(file, text)) return hold(file, text);
    const found = read(file);
    if (found === undefined) continue; // released meanwhile
    const owner = parse(found);
    if (owner && alive(owner, file)) throw refusal(dir, owner, file);
    breakStale(file, found);
  }
  throw refusal(dir, parse(read(file) ?? ''), file);
}

/** Keep the lock: refresh its time (for other hosts), release it on close or when the process exits. */
function hold(file: string, text: string) {
  held.add(file);
  const refresh = setInterval(() => {
    const now = new Date();
    if (read(file) === text) utimesSync(file, now, now);
  }, REFRESH_MS);
  refresh.unref();
  const release = () => {
    clearInterval(refresh);
    process.off('exit', release);
    held.delete(file);
    if (read(file) === text) unlinkSync(file);
  };
  process.on('exit', release);
  return release;
}
