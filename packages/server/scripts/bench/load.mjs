// Load and the checks that go with it: votes and reads through autocannon, Kolo and its anchor in
// interleaved rounds (A B A B …), medians and spread, and the check that every acknowledged vote is
// stored exactly once.
import autocannon from 'autocannon';
import { ADMIN_TOKEN } from './procs.mjs';

export const seconds = Number(process.env.BENCH_SECONDS ?? 5);
export const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
export const policy = { options: ['a', 'b'], multiple: false, change: false };
let serial = 0;

/** Register a poll (production mode runs registered widgets only). */
export async function registerPoll(base, poll) {
  const r = await fetch(`${base}/v1/admin/widgets/poll/${poll}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ rules: { policy } }),
  });
  if (r.status !== 200) throw new Error(`registering poll ${poll}: ${r.status} ${await r.text()}`);
}

/** Votes on `poll` for `duration` s, each from a new voter with a new action id; the acknowledged voters. */
export async function voteLoad(base, poll, { connections, duration = seconds, onStart, onAck } = {}) {
  const acked = new Set();
  let sent = 0;
  const run = autocannon({
    url: base,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/v1/actions',
        setupRequest(req, ctx) {
          const voter = `b${++serial}-${poll}`;
          ctx.voter = voter;
          sent++;
          const body = JSON.stringify({ type: 'vote', id: `${voter}-k`, voter, widget: { kind: 'poll', id: poll }, choices: [serial % 2 ? 'a' : 'b'], policy, at: new Date().toISOString() });
          return { ...req, headers: { 'content-type': 'application/json', 'kolo-voter': voter }, body };
        },
        onResponse(status, _body, ctx) {
          if (status === 200) acked.add(ctx.voter), onAck?.(acked.size);
        },
      },
    ],
  });
  onStart?.(run);
  const result = await run;
  return { result, acked, sent, rate: acked.size / duration };
}

/** Reads of `poll` for `duration` s, each as a different voter. */
export async function readLoad(base, poll, { connections, duration = seconds } = {}) {
  const result = await autocannon({
    url: `${base}/v1/widgets/poll/${poll}`,
    connections,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, headers: { 'kolo-voter': `r${++serial}` } }) }],
  });
  return { result, rate: (result.requests.total - result.non2xx - result.errors) / duration };
}

// no read waits for ever: a server that does not answer in 2 minutes fails the run
const limit = () => AbortSignal.timeout(120_000);
export const tally = async (base, poll) => (await fetch(`${base}/v1/widgets/poll/${poll}`, { headers: { 'kolo-voter': 'checker' }, signal: limit() })).json();

/**
 * Acknowledged votes the server does not have, and votes counted twice. `ballots(poll)`: the voters
 * stored, read from the database when the bench can reach it; otherwise every voter's view is asked for.
 */
export async function checkVotes(base, poll, { acked, sent }, ballots) {
  await new Promise((r) => setTimeout(r, 500)); // requests still in flight when the run ended
  const t = await tally(base, poll);
  let lost = 0;
  let stored;
  if (ballots) {
    stored = await ballots(poll);
    for (const v of acked) if (!stored.has(v)) lost++;
  } else {
    const list = [...acked];
    const worker = async () => {
      for (let v = list.pop(); v; v = list.pop()) {
        const r = await fetch(`${base}/v1/widgets/poll/${poll}`, { headers: { 'kolo-voter': v }, signal: limit() });
        if (!(await r.json()).mine?.length) lost++;
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
  }
  // one choice per ballot: the counts add up to the voters, the voters to the ballots stored, and never
  // to more than were sent (a request cut off by the end of a run may be stored unacknowledged)
  const counted = Object.values(t.counts ?? {}).reduce((a, b) => a + b, 0);
  const doubled = Math.max(0, counted - t.voters) + Math.max(0, t.voters - sent) + (stored ? Math.abs(stored.size - t.voters) : 0);
  return { lost, doubled, counted: t.voters };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const spread = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
export const quantile = (xs, q) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** `rounds` rounds of `a` then `b` (A B A B …); each returns a rate. */
export async function interleaved(a, b, n = rounds) {
  const ra = [];
  const rb = [];
  for (let i = 0; i < n; i++) {
    ra.push(await a(i));
    rb.push(await b(i));
  }
  return { a: ra, b: rb, ratio: median(ra) / median(rb) };
}
