// kill -9 mid-load: every vote acknowledged before the crash is there after a restart.
import { freshDb } from './db.mjs';
import { checkVotes, registerPoll, seconds, voteLoad } from './load.mjs';
import { startKolo, stop } from './procs.mjs';

export async function crash(dbName, failures) {
  const db = await freshDb(dbName);
  const base = 'http://127.0.0.1:8791';
  let server = await startKolo(8791, db.env);
  try {
    const poll = 'crash';
    await registerPoll(base, poll);
    let killed = false;
    const run = await voteLoad(base, poll, {
      connections: 50,
      duration: Math.max(4, Math.ceil(seconds / 2)),
      onStart: () =>
        setTimeout(() => {
          killed = true;
          server.kill('SIGKILL');
        }, 2000),
    });
    await stop(server, 'SIGKILL');
    server = await startKolo(8791, db.env);
    const c = await checkVotes(base, poll, run, db.ballots);
    if (!killed || c.lost) failures.push(`kill -9 on ${dbName}: ${killed ? `${c.lost} acknowledged votes lost` : 'the server was not killed'}`);
    return [{ what: `kill -9 mid-load, ${dbName}`, target: '0 lost', met: killed && !c.lost ? 'met' : 'MISSED', acknowledged: run.acked.size, 'counted after restart': c.counted, lost: c.lost }];
  } finally {
    await stop(server);
  }
}
