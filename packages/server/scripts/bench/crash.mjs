// kill -9 mid-load: every vote acknowledged before the crash is there after a restart.
import { freshDb } from './db.mjs';
import { checkVotes, registerPoll, seconds, voteLoad } from './load.mjs';
import { progress, startKolo, stop } from './procs.mjs';

export async function crash(dbName, failures) {
  progress(`kill -9, ${dbName}`);
  const db = await freshDb(dbName);
  const base = 'http://127.0.0.1:8791';
  let server = await startKolo(8791, db.env);
  try {
    const poll = 'crash';
    await registerPoll(base, poll);
    // killed once 100 votes are acknowledged (or 1 s before the end of the load on a slow machine)
    let killed = false;
    const kill = () => {
      if (killed) return;
      killed = true;
      server.kill('SIGKILL');
    };
    const duration = Math.max(6, seconds);
    const run = await voteLoad(base, poll, {
      connections: 50,
      duration,
      onAck: (n) => n >= 100 && kill(),
      onStart: () => setTimeout(kill, (duration - 1) * 1000),
    });
    await stop(server, 'SIGKILL');
    server = await startKolo(8791, db.env);
    const c = await checkVotes(base, poll, run, db.ballots);
    const ok = killed && run.acked.size > 0 && !c.lost;
    if (!ok) failures.push(`kill -9 on ${dbName}: ${c.lost} acknowledged votes lost of ${run.acked.size}`);
    return [{ what: `kill -9 mid-load, ${dbName}`, target: '0 lost', met: ok ? 'met' : 'MISSED', acknowledged: run.acked.size, 'counted after restart': c.counted, lost: c.lost }];
  } finally {
    await stop(server);
  }
}
