/**
 * The state of what an admin request changes, read before and after it, for the audit log
 * (../http/admin-rules.ts says which route reads which): plain JSON, null when there is none.
 */
import type { Db } from '../db/types.ts';
import { iso, json } from '../db/values.ts';
import { stopWords } from './stop-words.ts';
import { tokenOf } from './tokens.ts';
import { webhookOf } from '../webhooks/hooks.ts';
import { deliveryOf } from '../webhooks/deliveries.ts';
import { service } from '../service/settings.ts';

const one = async (db: Db, sql: string, args: unknown[], shape: (r: Record<string, unknown>) => unknown) => {
  const [r] = await db.query(sql, args);
  return r ? shape(r) : null;
};
const opt = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function snapshots(db: Db) {
  return {
    idea: (kind: string, board: string, id: string) =>
      one(db, 'select status, answer, link, reason, merged_into, votes from kolo_ideas where kind = $1 and board = $2 and id = $3', [kind, board, id], (r) => ({
        status: String(r.status),
        answer: opt(r.answer),
        link: opt(r.link),
        reason: opt(r.reason),
        mergedInto: opt(r.merged_into),
        votes: Number(r.votes),
      })),
    ban: (type: string, value: string) =>
      one(db, 'select reason, until from kolo_bans where type = $1 and value = $2', [type, value], (r) => ({ reason: opt(r.reason), until: r.until ? iso(r.until) : null })),
    widget: (kind: string, id: string) =>
      one(db, 'select config, slow_seconds from kolo_widgets where kind = $1 and id = $2', [kind, id], (r) => ({ rules: json(r.config) ?? null, slowSeconds: Number(r.slow_seconds) })),
    /** several widgets' rules, keyed `kind:id` (null: not registered), in one query */
    widgets: async (list: { kind: string; id: string }[]) => {
      const rows = await db.query('select w.kind, w.id, w.config from unnest($1::text[], $2::text[]) as l (kind, id) left join kolo_widgets w on w.kind = l.kind and w.id = l.id', [list.map((w) => w.kind), list.map((w) => w.id)]);
      const found = new Map(rows.filter((r) => r.kind !== null).map((r) => [`${r.kind}:${r.id}`, json(r.config) ?? null]));
      return Object.fromEntries(list.map((w) => [`${w.kind}:${w.id}`, found.get(`${w.kind}:${w.id}`) ?? null]));
    },
    stopWords: (lang: string) => stopWords(db, lang),
    token: async (id: string) => (await tokenOf(db, id)) ?? null,
    /** a webhook without its secret */
    webhook: async (id: string) => (await webhookOf(db, id)) ?? null,
    delivery: async (webhook: string, id: string) => (/^\d{1,16}$/.test(id) ? ((await deliveryOf(db, webhook, id)) ?? null) : null),
    service: () => service(db),
  };
}

export type Snapshots = ReturnType<typeof snapshots>;
