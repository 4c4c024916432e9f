// A Kolo server of a package folder started from its TypeScript sources (tsx), so one-off benchmarks can run
// another worktree's code side by side with this one: resolves with the child once it is listening.
import { spawn } from 'node:child_process';

export function sourceServer(dir, env) {
  const child = spawn(process.execPath, ['--conditions=kolo-source', '--import', 'tsx', 'src/main.ts'], {
    cwd: dir,
    env: { ...process.env, HOST: '127.0.0.1', KOLO_RATE_PER_VOTER: '1000000', KOLO_RATE_PER_IP: '100000000', KOLO_IP_SALT: 'bench', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      // the tail only: a server logs a line per request, for as long as it runs
      out = (out + d).slice(-4000);
      if (out.includes('listening on')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}
