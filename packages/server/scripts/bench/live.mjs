// Live streams: N open SSE streams on one poll. Votes/s on that poll with them against none, the delay
// from a vote's acknowledgement to each stream's next view, and SQL statements per vote with and without.
import { freshDb, perVote } from './db.mjs';
import { checkVotes, median, policy, quantile, registerPoll, rounds, seconds, spread, tally, voteLoad } from './load.mjs';
import { progress, start, startKolo, stop } from './procs.mjs';
import { metText, ratioText } from './votes.mjs';

const N = Number(process.env.BENCH_STREAMS ?? 2000);
const PROBES = 3;
const PROBE_WAIT = 10_000;
const base = 'http://127.0.0.1:8791';
const now = () => performance.timeOrigin + performance.now();
const ask = (child, message, key) =>
  new Promise((resolve) => {
    const on = (m) => m[key] !== undefined && (child.off('message', on), resolve(m));
    child.on('message', on);
    child.send(message);
  });

/**
 * `rounds` rounds of votes on `poll` at 50 connections: rates, SQL cost per vote, and `check()`, which
 * looks for every acknowledged vote (run once the streams are closed: on today's server a backlog of
 * views computed for every stream holds up any read for minutes).
 */
async function loadRounds(db, poll, failures, label, sent) {
  const rates = [];
  const cost = [];
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    // the votes stored, for the SQL cost per vote, only where that cost is read (PostgreSQL)
    const stored = async () => db.stats && (await tally(base, poll)).voters;
    const [before, was] = [await db.stats?.(false), await stored()];
    const run = await voteLoad(base, poll, { connections: 50 });
    const after = await db.stats?.();
    const c = perVote(before, after, after && (await stored()) - was);
    if (c) cost.push(c);
    rates.push(run.rate);
    sent.n += run.sent;
    runs.push(run);
  }
  const check = async () => {
    const acked = new Set(runs.flatMap((r) => [...r.acked]));
    const c = await checkVotes(base, poll, { acked, sent: sent.n }, db.ballots);
    if (c.lost || c.doubled) failures.push(`live (${label}), ${db.name}: ${c.lost} lost, ${c.doubled} double-counted`);
  };
  return { rates, cost, check };
}

/** Probe votes, one at a time: for each stream, the ms from the acknowledgement to a view that holds it. */
async function delays(child, poll, sent) {
  const ms = [];
  let missed = 0;
  for (let k = 0; k < PROBES; k++) {
    const voters = (await tally(base, poll)).voters + 1;
    sent.n++;
    await ask(child, { watch: voters }, 'watching');
    const voter = `probe-${k}-${Date.now()}`;
    const r = await fetch(`${base}/v1/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'kolo-voter': voter },
      body: JSON.stringify({ type: 'vote', id: `${voter}-k`, voter, widget: { kind: 'poll', id: poll }, choices: ['a'], policy, at: new Date().toISOString() }),
    });
    await r.arrayBuffer();
    const acked = now();
    if (r.status !== 200) throw new Error(`probe vote answered ${r.status}`);
    const { times } = await ask(child, { collect: PROBE_WAIT }, 'times');
    for (const t of times) t === null ? missed++ : ms.push(Math.max(0, t - acked));
  }
  return { ms, missed };
}

export async function live(dbName, failures) {
  progress(`live, ${dbName}: starting Kolo, votes without streams`);
  const db = await freshDb(dbName);
  const kolo = await startKolo(8791, db.env);
  const poll = 'live';
  const fmtMs = (x) => (x === Infinity ? `> ${PROBE_WAIT / 1000} s` : `${Math.round(x)} ms`);
  try {
    await registerPoll(base, poll);
    await registerPoll(base, 'warm');
    await voteLoad(base, 'warm', { connections: 50, duration: 1 });
    const sent = { n: 0 };
    const none = await loadRounds(db, poll, failures, 'no streams', sent);
    await none.check();
    progress(`live, ${dbName}: opening ${N} streams`);
    const child = await start(['scripts/bench/streams.mjs'], { STREAMS_URL: `${base}/v1/widgets/poll/${poll}/events`, STREAMS_N: String(N) }, 'streams open', { timeout: 300_000 });
    const opened = JSON.parse(child.out.slice(child.out.indexOf('{')).split('\n')[0]);
    let d;
    let withStreams;
    try {
      progress(`live, ${dbName}: ${opened.open} streams open; probe votes`);
      d = await delays(child, poll, sent);
      progress(`live, ${dbName}: votes with streams`);
      withStreams = await loadRounds(db, poll, failures, `${N} streams`, sent);
    } finally {
      await stop(child, 'SIGKILL');
    }
    await withStreams.check();
    const r = { a: withStreams.rates, b: none.rates, ratio: median(withStreams.rates) / median(none.rates) };
    // a missed update counts as slower than any measured one
    const all = [...d.ms, ...Array(d.missed).fill(Infinity)];
    const p95 = quantile(all, 0.95);
    const stmts = (x) => (x.cost.length ? median(x.cost.map((c) => c.statements)) : undefined);
    const [sWith, sNone] = [stmts(withStreams), stmts(none)];
    const rate = (xs) => `${Math.round(median(xs))}/s (${spread(xs)})`;
    const rows = [
      { what: `votes/s on the poll: ${N} streams / none`, value: ratioText(r.ratio), target: '≥ 0.7×', met: metText(r.ratio, 0.7), detail: `streams ${rate(r.a)}, none ${rate(r.b)}` },
      { what: "delay from a vote's ack to each stream's view", value: `p95 ${fmtMs(p95)}`, target: 'p95 ≤ 1000 ms', met: p95 <= 1000 ? 'met' : 'MISSED', detail: `p50 ${fmtMs(quantile(all, 0.5))}; ${d.missed} of ${all.length} not updated in ${PROBE_WAIT / 1000} s` },
    ];
    if (sWith !== undefined) {
      const same = sWith - sNone <= Math.max(1, 0.25 * sNone);
      rows.push({ what: 'SQL statements per vote: streams / none', value: `${(sWith / sNone).toFixed(2)}×`, target: 'independent of streams', met: same ? 'met' : 'MISSED', detail: `${sWith.toFixed(1)} with streams, ${sNone.toFixed(1)} without` });
    }
    return {
      streams: opened.open,
      rows,
      notes: [
        `${opened.open} of ${N} streams opened in ${(opened.ms / 1000).toFixed(1)} s (${opened.failed} refused or failed), each from its own voter over plain http; they read in their own process`,
        `votes at 50 connections, ${rounds} rounds × ${seconds} s without streams, then ${rounds} with them (opening ${N} streams per round would dominate the run)`,
        `delay: ${PROBES} probe votes sent one at a time with no other load; per stream, the first view holding the vote, ms after the vote's acknowledgement (0 when it came first)`,
        ...(sWith === undefined ? ['SQL statements per vote: PostgreSQL only (pg_stat_statements)'] : []),
      ],
    };
  } finally {
    await stop(kolo);
  }
}
