// Votes and reads: Kolo against its anchors (the minimal Hono + postgres.js transaction endpoint, its
// PGlite twin, the minimal read), interleaved rounds, at 50 and 200 connections.
import { freshDb, perVote } from './db.mjs';
import { checkVotes, interleaved, tally, median, readLoad, registerPoll, rounds, seconds, spread, voteLoad } from './load.mjs';
import autocannon from 'autocannon';
import { progress, start, startAnchor, startKolo, stop } from './procs.mjs';

const KOLO = 8791;
const ANCHOR = 8792;
const base = (port) => `http://127.0.0.1:${port}`;
const fmt = (x, d = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));

/** A Kolo server and an anchor, each on a fresh database of `dbName`, for the time of `fn`. */
export async function withPair(dbName, fn) {
  progress(`starting Kolo and the anchor on ${dbName}`);
  const [kdb, adb] = [await freshDb(dbName), await freshDb(dbName)];
  const kolo = await startKolo(KOLO, kdb.env);
  try {
    const anchor = await startAnchor(ANCHOR, adb.env);
    try {
      return await fn({ kolo: base(KOLO), anchor: base(ANCHOR), kdb, adb });
    } finally {
      await stop(anchor);
    }
  } finally {
    await stop(kolo);
  }
}

/** A ratio, or why there is none (nothing answered in the reference rounds). */
export const ratioText = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'none answered');
export const metText = (x, target) => (Number.isFinite(x) && x >= target ? 'met' : 'MISSED');

/** One table row: the ratio first, then Kolo's and the anchor's medians and spread. */
export const ratioRow = (what, target, r, extra = {}, [a, b] = ['Kolo', 'anchor']) => ({
  what,
  ratio: ratioText(r.ratio),
  target: `≥ ${target}×`,
  met: metText(r.ratio, target),
  [`${a} /s`]: Math.round(median(r.a)),
  [`${a} min–max`]: spread(r.a),
  [`${b} /s`]: Math.round(median(r.b)),
  [`${b} min–max`]: spread(r.b),
  ...extra,
});

/** Votes/s at each connection count; after every Kolo round, acknowledged against stored. */
export async function votes({ kolo, anchor, kdb, adb }, dbName, failures) {
  const rows = [];
  for (const connections of [50, 200]) {
    progress(`votes, ${dbName}, ${connections} connections`);
    const checks = { lost: 0, doubled: 0, acked: 0 };
    const cost = { kolo: [], anchor: [] };
    // statements per vote stored (requests cut off by the end of a run finish after it, and count)
    const measured = async (db, list, base, poll) => {
      const before = await db.stats?.(false);
      const r = await voteLoad(base, poll, { connections });
      const after = await db.stats?.();
      const c = perVote(before, after, after && (await tally(base, poll)).voters);
      if (c) list.push(c);
      return r;
    };
    // warm up both (JIT, connection pools) before the first measured round
    await registerPoll(kolo, `warm-${connections}`);
    await voteLoad(kolo, `warm-${connections}`, { connections, duration: 1 });
    await voteLoad(anchor, `warm-${connections}`, { connections, duration: 1 });
    const r = await interleaved(
      async (i) => {
        const poll = `votes-${connections}-${i}`;
        await registerPoll(kolo, poll);
        const run = await measured(kdb, cost.kolo, kolo, poll);
        const c = await checkVotes(kolo, poll, run, kdb.ballots);
        checks.lost += c.lost;
        checks.doubled += c.doubled;
        checks.acked += run.acked.size;
        return run.rate;
      },
      async (i) => (await measured(adb, cost.anchor, anchor, `anchor-${connections}-${i}`)).rate,
    );
    if (checks.lost || checks.doubled) failures.push(`${dbName}, ${connections} connections: ${checks.lost} lost, ${checks.doubled} double-counted`);
    const per = (list, k) => (list.length ? fmt(median(list.map((x) => x[k]))) : '–');
    rows.push(
      ratioRow(`votes/s, ${connections} conn., ${dbName}`, 0.8, r, {
        'acked / lost / double': `${checks.acked} / ${checks.lost} / ${checks.doubled}`,
        'SQL stmts (txns) per vote': dbName === 'PostgreSQL' ? `${per(cost.kolo, 'statements')} (${per(cost.kolo, 'transactions')}) vs ${per(cost.anchor, 'statements')} (${per(cost.anchor, 'transactions')})` : '–',
      }),
    );
  }
  return rows;
}

/** Reads of one poll (a different voter each): Kolo against the minimal read (select counts). */
export async function reads({ kolo, anchor }, dbName) {
  progress(`reads, ${dbName}`);
  await registerPoll(kolo, 'read');
  await voteLoad(kolo, 'read', { connections: 10, duration: 1 });
  await voteLoad(anchor, 'read', { connections: 10, duration: 1 });
  const connections = 50;
  const r = await interleaved(
    async () => (await readLoad(kolo, 'read', { connections })).rate,
    async () => (await readLoad(anchor, 'read', { connections })).rate,
  );
  return [ratioRow(`reads/s (GET a poll), ${connections} conn., ${dbName}`, 0.8, r)];
}

export const roundsNote = () => `${rounds} rounds × ${seconds} s each side, interleaved (Kolo, anchor, Kolo, anchor …)`;

/** The machine's ceiling for scale: a bare Hono "hello" route (scripts/hello.mjs) at 50 connections. */
export async function hello() {
  const child = await start(['scripts/hello.mjs'], { PORT: '8790' }, 'hello on');
  try {
    const r = await autocannon({ url: 'http://127.0.0.1:8790/', connections: 50, duration: seconds });
    return Math.round(r.requests.total / seconds);
  } finally {
    await stop(child);
  }
}
