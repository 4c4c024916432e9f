// A board of 50,000 ideas: its first page (bytes on the wire, time), an upvote's time, GETs under load.
import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { freshDb } from './db.mjs';
import { median, seconds } from './load.mjs';
import { ADMIN_TOKEN, progress, startKolo, stop } from './procs.mjs';

const IDEAS = Number(process.env.BENCH_IDEAS ?? 50_000);
const BATCH = Number(process.env.BENCH_SEED_BATCH ?? 5_000);
const SAMPLES = 20;
const BUDGET = 20_000;
const base = 'http://127.0.0.1:8791';
const BOARD = 'big';
const ideaPolicy = { moderated: false, minFillMs: 0, maxPerDay: 1000, titleMin: 1, titleMax: 300, detailsMax: 10000, categories: [] };
const FIRST_PAGE = `/v1/widgets/ideas/${BOARD}?sort=top`;

// text that compresses like people's writing, not like one sentence repeated: words drawn from a
// vocabulary of 400 made-up ones by a fixed pseudo-random sequence (the same board every run)
const syllables = ['ka', 'lo', 'mi', 'ne', 'ro', 'ta', 'vi', 'sha', 'dor', 'pel', 'un', 'bre', 'gas', 'tik', 'wo', 'zen', 'fi', 'ham', 'jo', 'qu'];
const words = Array.from({ length: 400 }, (_, i) => syllables[i % 20] + syllables[(i * 7 + 3) % 20] + (i % 3 ? syllables[(i * 13 + 5) % 20] : ''));
const text = (seed, n) => {
  let x = seed * 2654435761 + 1;
  const out = [];
  for (let k = 0; k < n; k++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(words[x % 400]);
  }
  return out.join(' ');
};
const idea = (i) => ({
  id: `idea-${i}`,
  title: `${text(i, 4 + (i % 6))} ${i}`,
  details: `${text(i + 1e6, 15 + (i % 25))}.`,
  status: 'review',
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
});

/** Import the ideas: through the seed API in batches while it takes them; the rest by SQL (PostgreSQL). */
async function importIdeas(db) {
  let api = 0;
  for (let from = 0; from < IDEAS; from += BATCH) {
    const ideas = Array.from({ length: Math.min(BATCH, IDEAS - from) }, (_, j) => idea(from + j));
    const r = await fetch(`${base}/v1/admin/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ kind: 'ideas', id: BOARD, rules: { policy: ideaPolicy }, counts: {}, ideas }),
    });
    const answer = await r.json().catch(() => null);
    if (r.status !== 200 || answer?.seeded !== true) break;
    api += ideas.length;
  }
  if (api === 0) throw new Error('the seed API took no ideas');
  if (api < IDEAS && db.sql) {
    for (let from = api; from < IDEAS; from += BATCH) {
      const list = Array.from({ length: Math.min(BATCH, IDEAS - from) }, (_, j) => idea(from + j));
      const col = (k) => list.map((x) => x[k]);
      await db.sql`insert into kolo_ideas (kind, board, id, title, details, status, author, created_at)
        select 'ideas', ${BOARD}, id, title, details, 'review', '', at
        from unnest(${col('id')}::text[], ${col('title')}::text[], ${col('details')}::text[], ${col('createdAt')}::timestamptz[]) as t(id, title, details, at)`;
    }
    return { api, sql: IDEAS - api };
  }
  return { api, sql: 0 };
}

/** One request with `accept-encoding: br, gzip`: ms, bytes on the wire, the decoded JSON and its size. */
function request(method, path, { body, voter } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(`${base}${path}`, { method, headers: { 'accept-encoding': 'br, gzip', 'kolo-voter': voter, ...(body ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - t0;
        const raw = Buffer.concat(chunks);
        const enc = res.headers['content-encoding'];
        const text = (enc === 'br' ? brotliDecompressSync(raw) : enc === 'gzip' ? gunzipSync(raw) : raw).toString();
        resolve({ status: res.statusCode, ms, wire: raw.length, encoding: enc ?? 'none', bytes: Buffer.byteLength(text), json: JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body && JSON.stringify(body));
  });
}

/** Up to SAMPLES sequential calls of `fn(i)` within BUDGET ms, after one not counted. */
async function sample(fn) {
  await fn(-1);
  const out = [];
  const until = Date.now() + BUDGET;
  for (let i = 0; i < SAMPLES && Date.now() < until; i++) out.push(await fn(i));
  return out;
}

export async function board(dbName) {
  progress(`board, ${dbName}: starting Kolo, importing ${IDEAS} ideas`);
  const db = await freshDb(dbName);
  const kolo = await startKolo(8791, db.env);
  try {
    const t0 = Date.now();
    const imported = await importIdeas(db);
    const importMs = Date.now() - t0;
    progress(`board, ${dbName}: first pages, upvotes`);
    const pages = await sample((i) => request('GET', FIRST_PAGE, { voter: `reader-${i}` }));
    const last = pages.at(-1);
    if (last.status !== 200) throw new Error(`GET ${FIRST_PAGE} answered ${last.status}`);
    const votes = await sample((i) =>
      request('POST', '/v1/actions', { voter: `fan-${i}`, body: { type: 'upvote', id: `up-${i}-${Date.now()}`, voter: `fan-${i}`, widget: { kind: 'ideas', id: BOARD }, idea: `idea-${(i + 2) * 997 % IDEAS}`, on: true, at: new Date().toISOString() } }),
    );
    const refused = votes.filter((v) => v.status !== 200).length;
    const loaded = await autocannon({ url: `${base}${FIRST_PAGE}`, connections: 10, duration: seconds, headers: { 'accept-encoding': 'br, gzip', 'kolo-voter': 'loaded' } });
    const [pageMs, voteMs] = [median(pages.map((p) => p.ms)), median(votes.map((v) => v.ms))];
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const rows = [
      { what: 'first page on the wire', value: kb(last.wire), target: '≤ 20 KB', met: last.wire <= 20 * 1024 ? 'met' : 'MISSED', detail: `${last.encoding}; ${kb(last.bytes)} of JSON, ${last.json.ideas?.length ?? '?'} ideas, ${last.json.next ? 'a next cursor' : 'no next cursor'}` },
      { what: 'first page, server time p50', value: `${pageMs.toFixed(1)} ms`, target: '≤ 20 ms', met: pageMs <= 20 ? 'met' : 'MISSED', detail: `${pages.length} sequential GETs` },
      { what: 'upvote p50', value: `${voteMs.toFixed(1)} ms`, target: '≤ 10 ms', met: voteMs <= 10 && !refused ? 'met' : 'MISSED', detail: `${votes.length} sequential upvotes${refused ? `, ${refused} refused` : ''}; answer ${kb(votes.at(-1).wire)} on the wire (${kb(votes.at(-1).bytes)} JSON)` },
      { what: 'first page under 10 connections', value: `${Math.round((loaded.requests.total - loaded.non2xx) / seconds)} GET/s`, target: '', met: '', detail: loaded.requests.total ? `p50 ${loaded.latency.p50} ms, ${loaded.errors + loaded.timeouts} errors or time-outs in ${seconds} s` : `none answered in ${seconds} s` },
    ];
    return {
      ideas: IDEAS,
      rows,
      notes: [
        `import: ${imported.api} ideas through POST /v1/admin/seed in batches of ${BATCH}${imported.sql ? `, ${imported.sql} by SQL into kolo_ideas (the seed API took no further batch)` : ''}, ${(importMs / 1000).toFixed(1)} s`,
        `first page: GET ${FIRST_PAGE} with accept-encoding: br, gzip; times measured by the client on loopback, one request at a time`,
      ],
    };
  } finally {
    await stop(kolo);
  }
}
