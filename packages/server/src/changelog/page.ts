/**
 * A changelog's page, in one statement: for each board it covers, that board's done ideas newest first
 * along 0017's index, at most a page beyond the cursor; then the page of all of them. So a page costs
 * the same on a board with ten entries or ten thousand, and never reads a board the team did not name.
 */
import { changelogRulesSchema, type ChangelogEntry, type View } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { iso, json } from '../db/values.ts';
import { Params } from '../boards/page.ts';
import { encodeChangelogCursor, type ChangelogCursor } from './cursor.ts';

/** A registered changelog: the boards it covers that are registered on this server, its feed's title. */
export interface Changelog {
  boards: string[];
  title?: string | undefined;
}

/** The changelog registered as `id` (undefined: none, or rules that are not a changelog's). */
async function changelogOf(q: Queryable, id: string): Promise<Changelog | undefined> {
  const [row] = await q.query<{ config: unknown; registered: unknown }>(
    `select c.config, (select jsonb_agg(b) from jsonb_array_elements_text(c.config->'boards') b
                       where exists (select 1 from kolo_widgets w where w.kind = split_part(b, ':', 1) and w.id = substr(b, position(':' in b) + 1))) as registered
     from kolo_widgets c where c.kind = 'changelog' and c.id = $1`,
    [id],
  );
  const rules = changelogRulesSchema.safeParse(json(row?.config));
  if (!rules.success) return undefined;
  return { boards: (json(row!.registered) as string[] | null) ?? [], title: rules.data.title };
}

const AT = 'coalesce(i.done_at, i.first_response_at, i.created_at)';

/** One page of the entries of `boards` after `cursor`, newest first, and the cursor of the next. */
export async function changelogPage(q: Queryable, boards: string[], limit: number, cursor?: ChangelogCursor): Promise<View> {
  const view: View = { counts: {}, voters: 0, mine: [], entries: [] };
  if (!boards.length) return view;
  const p = new Params();
  const c = cursor && { at: `${p.add(cursor.at)}::timestamptz`, board: p.add(cursor.board), id: p.add(cursor.id) };
  const parts = boards.map((key) => {
    const i = key.indexOf(':');
    const k = p.add(key);
    const after = c ? ` and ${AT} <= ${c.at} and (${AT}, ${k}::text, i.id) < (${c.at}, ${c.board}::text, ${c.id}::text)` : '';
    return `(select ${k}::text as key, i.id, i.title, i.answer, i.link, i.votes, ${AT} as t from kolo_ideas i
              where i.kind = ${p.add(key.slice(0, i))} and i.board = ${p.add(key.slice(i + 1))} and i.status = 'done' and i.merged_into is null${after}
              order by ${AT} desc, i.id desc limit ${limit + 1})`;
  });
  const rows = await q.query(
    `select e.*, to_char(e.t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_key from (${parts.join(' union all ')}) e
     order by e.t desc, e.key desc, e.id desc limit ${limit + 1}`,
    p.values,
  );
  view.entries = rows.slice(0, limit).map(toEntry);
  if (rows.length > limit) {
    const last = rows[limit - 1]!;
    view.next = encodeChangelogCursor({ at: String(last.at_key), board: String(last.key), id: String(last.id) });
  }
  return view;
}

function toEntry(r: Record<string, unknown>): ChangelogEntry {
  const e: ChangelogEntry = { board: String(r.key), id: String(r.id), title: String(r.title), at: iso(r.t), asked: Number(r.votes) };
  if (r.answer) e.answer = String(r.answer);
  if (r.link) e.link = String(r.link);
  return e;
}

/** The changelog registered as `id` and one page of it (undefined: no changelog is registered as `id`). */
export async function changelogView(q: Queryable, id: string, limit: number, cursor?: ChangelogCursor): Promise<{ changelog: Changelog; view: View } | undefined> {
  const changelog = await changelogOf(q, id);
  return changelog && { changelog, view: await changelogPage(q, changelog.boards, limit, cursor) };
}
