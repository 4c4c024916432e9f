/** Upgrading a database that holds data: what a migration moves is still there after it. */
import { describe, expect, it } from 'vitest';
import { migrate, migrations } from '../src/db/migrate.ts';
import { pgliteDb } from '../src/db/pglite.ts';
import { postgresDb } from '../src/db/postgres.ts';
import { drivers, freshDatabase } from './harness.ts';

describe.each(drivers)('upgrades ($name)', ({ url }) => {
  it('0006 moves each idea\'s upvotes from the board\'s counters onto the idea, keeps the voters, and leaves polls alone', async () => {
    const fresh = await freshDatabase(url);
    const db = fresh.databaseUrl ? postgresDb(fresh.databaseUrl) : await pgliteDb();
    try {
      await db.query('create table kolo_migrations (version int primary key, applied_at timestamptz not null default now())');
      for (const m of migrations().filter((m) => m.version <= 5)) {
        for (const s of m.statements) await db.query(s);
        await db.query('insert into kolo_migrations (version) values ($1)', [m.version]);
      }
      await db.query(`insert into kolo_ideas (kind, board, id, title, status, author) values ('ideas', 'b', 'i1', 'one', 'review', 'v'), ('ideas', 'b', 'i2', 'two', 'review', 'v'), ('questions', 'q', 'i1', 'three', 'review', 'v')`);
      // counters in shards, as 0002 keeps them
      await db.query(`insert into kolo_counts (kind, widget, choice, shard, n) values
        ('ideas', 'b', 'i1', 0, 2), ('ideas', 'b', 'i1', 5, 1), ('ideas', 'b', '', 0, 3), ('questions', 'q', 'i1', 3, 4), ('questions', 'q', '', 3, 4), ('poll', 'p', 'a', 0, 7), ('poll', 'p', '', 0, 7)`);
      expect(await migrate(db)).toContain(6);
      const ideas = await db.query<{ kind: string; id: string; votes: number }>('select kind, id, votes from kolo_ideas order by kind, id');
      expect(ideas.map((r) => [r.kind, r.id, r.votes])).toEqual([['ideas', 'i1', 3], ['ideas', 'i2', 0], ['questions', 'i1', 4]]);
      const counts = await db.query<{ kind: string; choice: string; n: number }>('select kind, choice, sum(n)::int as n from kolo_counts group by kind, widget, choice order by kind, choice');
      expect(counts.map((r) => [r.kind, r.choice, r.n])).toEqual([['ideas', '', 3], ['poll', '', 7], ['poll', 'a', 7], ['questions', '', 4]]);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });
});
