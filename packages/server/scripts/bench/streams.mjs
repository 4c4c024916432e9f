// A child of the benchmark holding N live streams of one widget (plain `http`, no browser), so their
// reading costs the load generator nothing. STREAMS_URL, STREAMS_N. Over IPC:
//   → { watch: V }       note, per stream, when it first sees a view with `voters` ≥ V
//   → { collect: ms }    wait (at most ms) until every open stream has; ← { times, open }
// Prints `streams open {"open":…,"failed":…,"ms":…}` once every stream has had its first view (or failed).
import http from 'node:http';

const url = new URL(process.env.STREAMS_URL);
const N = Number(process.env.STREAMS_N);
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const now = () => performance.timeOrigin + performance.now();
const streams = [];
let watch = { voters: Infinity, times: [] };
let events = 0;

function open(i) {
  return new Promise((ready) => {
    const s = { open: false, voters: -1 };
    streams[i] = s;
    const req = http.get(url, { agent, headers: { accept: 'text/event-stream', 'kolo-voter': `stream-${i}` } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        return ready(false);
      }
      s.open = true;
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk) => {
        buf += chunk;
        for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const lines = block.split('\n');
          if (!lines.includes('event: view')) continue;
          const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
          events++;
          const voters = JSON.parse(data).view?.voters;
          if (typeof voters === 'number') s.voters = voters;
          if (s.voters >= watch.voters && watch.times[i] === undefined) watch.times[i] = now();
          ready(true);
        }
      });
      res.on('close', () => ((s.open = false), ready(false)));
    });
    req.on('error', () => ready(false));
  });
}

const t0 = now();
let opened = 0;
for (let i = 0; i < N; i += 100) {
  const batch = await Promise.all(Array.from({ length: Math.min(100, N - i) }, (_, j) => Promise.race([open(i + j), new Promise((r) => setTimeout(() => r(false), 60_000))])));
  opened += batch.filter(Boolean).length;
}
console.log(`streams open ${JSON.stringify({ open: opened, failed: N - opened, ms: Math.round(now() - t0) })}`);

process.on('message', async (m) => {
  if (m.watch !== undefined) {
    watch = { voters: m.watch, times: streams.map((s) => (s.voters >= m.watch ? now() : undefined)) };
    process.send({ watching: true });
  } else if (m.collect !== undefined) {
    const until = now() + m.collect;
    const done = () => streams.every((s, i) => !s.open || watch.times[i] !== undefined);
    while (!done() && now() < until) await new Promise((r) => setTimeout(r, 20));
    process.send({ times: streams.map((s, i) => (s.open ? (watch.times[i] ?? null) : undefined)).filter((t) => t !== undefined), open: streams.filter((s) => s.open).length, events });
  }
});
