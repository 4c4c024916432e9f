// Anchor: a minimal Hono + postgres.js vote endpoint, one transaction per vote (5 round trips:
// begin, ballot, counter, counts, commit). DATABASE_URL, PORT.
import postgres from 'postgres';
import { SCHEMA, serveAnchor } from './app.mjs';

const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });
await sql.unsafe(SCHEMA);
serveAnchor('postgres.js', {
  vote: (poll, voter, choices) =>
    sql.begin(async (tx) => {
      const [b] = await tx`insert into ballots (poll, voter, choices) values (${poll}, ${voter}, ${JSON.stringify(choices)}) on conflict do nothing returning 1 as ok`;
      if (b) await tx`insert into counts (poll, choice, n) values (${poll}, ${choices[0]}, 1) on conflict (poll, choice) do update set n = counts.n + 1`;
      return tx`select choice, n from counts where poll = ${poll}`;
    }),
  counts: (poll) => sql`select choice, n from counts where poll = ${poll}`,
});
