/** Signals (views, interactions, next steps …): stored append-only, deleted after the retention. */
import type { Db } from './db/types.ts';

export interface Signal {
  type: string;
  widget: { kind: string; id: string };
  voter: string;
  at: string;
  data?: unknown;
}

export async function recordSignals(db: Db, list: Signal[]) {
  await db.transaction(async (tx) => {
    for (const s of list) {
      await tx.query('insert into kolo_signals (type, kind, widget, voter, at, data) values ($1, $2, $3, $4, $5, $6)', [s.type, s.widget.kind, s.widget.id, s.voter, s.at, s.data ? JSON.stringify(s.data) : null]);
    }
  });
}

/** Bounded retention: delete signals older than `days`. */
export const expireSignals = (db: Db, days = 400) => db.query(`delete from kolo_signals where at < now() - make_interval(days => $1)`, [days]);
