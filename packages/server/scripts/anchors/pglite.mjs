// Anchor: the PGlite twin of ./postgres.mjs, the same transaction on PGlite in a folder. KOLO_DATA_DIR, PORT.
import { PGlite } from '@electric-sql/pglite';
import { SCHEMA, serveAnchor } from './app.mjs';

const pg = await PGlite.create({ dataDir: process.env.KOLO_DATA_DIR });
await pg.exec(SCHEMA);
serveAnchor('PGlite', {
  vote: (poll, voter, choices) =>
    pg.transaction(async (tx) => {
      const b = await tx.query('insert into ballots (poll, voter, choices) values ($1, $2, $3) on conflict do nothing returning 1 as ok', [poll, voter, JSON.stringify(choices)]);
      if (b.rows.length) await tx.query('insert into counts (poll, choice, n) values ($1, $2, 1) on conflict (poll, choice) do update set n = counts.n + 1', [poll, choices[0]]);
      return (await tx.query('select choice, n from counts where poll = $1', [poll])).rows;
    }),
  counts: async (poll) => (await pg.query('select choice, n from counts where poll = $1', [poll])).rows,
});
