/** The widgets the server knows: their counters and settings, and starting numbers for new ones. */
import type { Db } from '../db/types.ts';
import { VOTERS, bump, splitVoters } from '../db/counters.ts';
import { isBoardKind, type WidgetDefinition, type WidgetRules } from '@kolo/core';
import { json } from '../db/values.ts';

/** Every widget: its counters, voters, slow mode, and for boards how many ideas wait. */
export async function widgets(db: Db) {
  const rows = await db.query(
    `select w.kind, w.id, w.slow_seconds, w.config, c.counts, i.total, i.pending from kolo_widgets w
     left join (select kind, widget, json_object_agg(choice, n order by choice) as counts from (select kind, widget, choice, sum(n)::int as n from kolo_counts group by kind, widget, choice
       union all select kind, board, id, votes from kolo_ideas where merged_into is null) x where n <> 0 group by kind, widget) c
       on c.kind = w.kind and c.widget = w.id
     left join (select kind, board, count(*)::int as total, (count(*) filter (where status = 'pending'))::int as pending from kolo_ideas where merged_into is null group by kind, board) i
       on i.kind = w.kind and i.board = w.id
     order by w.kind, w.id`,
  );
  return rows.map((r) => {
    const { counts, voters } = splitVoters(r.counts);
    return {
      kind: String(r.kind),
      id: String(r.id),
      slowSeconds: Number(r.slow_seconds),
      /** the registered rules; none yet when nobody registered the widget */
      rules: (json(r.config) as WidgetRules | null) ?? null,
      voters,
      counts,
      ...(isBoardKind(String(r.kind)) ? { ideas: Number(r.total ?? 0), pending: Number(r.pending ?? 0) } : {}),
    };
  });
}

export interface Settings {
  /** the widget's rules, checked against its kind's schema by the route */
  rules?: WidgetRules | undefined;
  slowSeconds?: number | undefined;
}

/** Register (or change) a widget's rules and its slow mode: the only way a registered widget's rules change. */
export async function settings(db: Db, kind: string, id: string, s: Settings) {
  await db.query('insert into kolo_widgets (kind, id) values ($1, $2) on conflict do nothing', [kind, id]);
  if (s.rules) await db.query('update kolo_widgets set config = $3 where kind = $1 and id = $2', [kind, id, JSON.stringify(s.rules)]);
  if (s.slowSeconds !== undefined) await db.query('update kolo_widgets set slow_seconds = $3 where kind = $1 and id = $2', [kind, id, s.slowSeconds]);
}

/** Register several widgets' rules in one transaction (`kolo-server register`); how many changed. */
export function define(db: Db, list: WidgetDefinition[]) {
  return db.transaction(async (tx) => {
    let changed = 0;
    for (const d of list) {
      const rows = await tx.query(
        `insert into kolo_widgets (kind, id, config) values ($1, $2, $3::jsonb) on conflict (kind, id) do update set config = excluded.config
         where kolo_widgets.config is distinct from excluded.config returning id`,
        [d.kind, d.id, JSON.stringify(d.rules)],
      );
      changed += rows.length;
    }
    return changed;
  });
}

type Text = string | undefined;
export interface Seed {
  kind: string;
  id: string;
  rules?: WidgetRules | undefined;
  counts: Record<string, number>;
  voters?: number | undefined;
  ideas?: { id: string; title: string; status: string; createdAt: string; details?: Text; category?: Text; answer?: Text; link?: Text; reason?: Text; firstResponseAt?: Text }[] | undefined;
}

/** Starting numbers and ideas for a widget nobody has used yet (demo data, an import); false when it was used. */
export function seed(db: Db, s: Seed) {
  return db.transaction(async (tx) => {
    // registered or not, a widget nobody has used yet (no counts, no ideas) takes starting numbers once
    await tx.query('insert into kolo_widgets (kind, id) values ($1, $2) on conflict do nothing', [s.kind, s.id]);
    const [w] = await tx.query<{ used: boolean }>(
      `select exists(select 1 from kolo_counts where kind = $1 and widget = $2) or exists(select 1 from kolo_ideas where kind = $1 and board = $2) as used
       from kolo_widgets where kind = $1 and id = $2 for update`,
      [s.kind, s.id],
    );
    if (w!.used) return false;
    if (s.rules) await tx.query('update kolo_widgets set config = $3 where kind = $1 and id = $2', [s.kind, s.id, JSON.stringify(s.rules)]);
    const counts = new Map(Object.entries(s.counts));
    const voters = s.voters ?? [...counts.values()].reduce((x, y) => x + y, 0);
    // a board's ideas carry their own counts; its counters keep the voters
    const board = isBoardKind(s.kind);
    await bump(tx, s.kind, s.id, board ? new Map([[VOTERS, voters]]) : counts.set(VOTERS, voters));
    for (const i of s.ideas ?? []) {
      await tx.query(
        `insert into kolo_ideas (kind, board, id, title, details, category, status, author, created_at, answer, link, reason, first_response_at, votes) values ($1, $2, $3, $4, $5, $6, $7, '', $8, $9, $10, $11, $12, $13)`,
        [s.kind, s.id, i.id, i.title, i.details ?? null, i.category ?? null, i.status, i.createdAt, i.answer ?? null, i.link ?? null, i.reason ?? null, i.firstResponseAt ?? null, board ? Math.min(2 ** 31 - 1, counts.get(i.id) ?? 0) : 0],
      );
    }
    return true;
  });
}
