// Shared by the benchmark scripts: start a server as a child process, time it to "listening", read its memory.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How a server of `dir` (a packages/server folder) starts: its built JavaScript, or its sources through tsx. */
export const commands = {
  built: (dir) => ({ cwd: dir, args: ['bin/kolo-server.mjs'] }),
  tsx: (dir) => ({ cwd: dir, args: ['--conditions=kolo-source', '--import', 'tsx', 'src/main.ts'] }),
};

/** Start `node …args` in `cwd`; resolves when it prints "listening on", with the milliseconds it took and its URL. */
export function startServer({ cwd, args }, env) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', KOLO_IP_SALT: 'bench', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      // the tail only: a server logs a line per request, for as long as it runs
      out = (out + d).slice(-4000);
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve({ child, ms: performance.now() - t0, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

export const stopServer = (child) => new Promise((r) => (child.exitCode !== null || child.signalCode ? r() : (child.once('exit', () => r()), child.kill('SIGTERM'))));

/** Resident memory of a process now and at its peak, in MB (Linux). */
export function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)[1]) / 1024);
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
