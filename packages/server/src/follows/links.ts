/**
 * What the links in the messages do: confirm a contact (its follows start being told), and unfollow
 * one item or everything an email follows. An unconfirmed contact's link works for `CONFIRM_DAYS`.
 */
import type { Db, Queryable } from '../db/types.ts';
import { hashToken } from './tokens.ts';

/** Days a confirmation link works (and an unconfirmed contact is kept). */
export const CONFIRM_DAYS = 7;

/** Confirm the contact of `token`: the titles it follows and its language, or undefined (unknown, used or expired). */
export async function confirm(db: Db, token: string): Promise<{ titles: string[]; lang: string } | undefined> {
  const [c] = await db.query<{ id: unknown; lang: string }>(
    `update kolo_contacts set confirmed_at = now(), confirm_hash = null
     where confirm_hash = $1 and confirmed_at is null and created_at > now() - make_interval(days => $2) returning id, lang`,
    [hashToken(token), CONFIRM_DAYS],
  );
  if (!c) return undefined;
  return { titles: await followedTitles(db, 'f.contact = $1', [c.id]), lang: c.lang };
}

/** An unfollow link's target: the email, the item (or none: everything) and its titles; undefined when unknown. */
export async function unfollowTarget(q: Queryable, token: string) {
  const [l] = await q.query<{ email: string; kind: string | null; board: string | null; idea: string | null }>('select email, kind, board, idea from kolo_unfollow_links where hash = $1', [hashToken(token)]);
  if (!l) return undefined;
  const [c] = await q.query<{ lang: string }>('select lang from kolo_contacts where email = $1 order by confirmed_at desc nulls last limit 1', [l.email]);
  const titles = l.idea ? await followedTitles(q, 'c.email = $1 and f.kind = $2 and f.board = $3 and f.idea = $4', [l.email, l.kind, l.board, l.idea]) : [];
  return { ...l, lang: c?.lang ?? 'en', titles };
}

/**
 * Unfollow what the link of `token` names. Everything: the email's contacts, follows, waiting
 * notifications and links go. One item: its follows; the email goes too once it follows nothing.
 */
export async function unfollow(db: Db, token: string) {
  return db.transaction(async (tx) => {
    const t = await unfollowTarget(tx, token);
    if (!t) return undefined;
    if (t.idea) {
      await tx.query('delete from kolo_follows f using kolo_contacts c where c.id = f.contact and c.email = $1 and f.kind = $2 and f.board = $3 and f.idea = $4', [t.email, t.kind, t.board, t.idea]);
      await tx.query('delete from kolo_notifications where email = $1 and sent_at is null and kind = $2 and board = $3 and idea = $4', [t.email, t.kind, t.board, t.idea]);
    }
    const [left] = t.idea ? await tx.query('select 1 from kolo_follows f join kolo_contacts c on c.id = f.contact where c.email = $1 limit 1', [t.email]) : [];
    if (!left) await forget(tx, t.email);
    return t;
  });
}

/** Delete everything kept of `email`. */
export async function forget(q: Queryable, email: string) {
  await q.query('delete from kolo_contacts where email = $1', [email]);
  await q.query('delete from kolo_notifications where email = $1', [email]);
  await q.query('delete from kolo_unfollow_links where email = $1', [email]);
}

async function followedTitles(q: Queryable, where: string, args: unknown[]): Promise<string[]> {
  const rows = await q.query<{ title: string }>(`select i.title from kolo_follows f join kolo_contacts c on c.id = f.contact join kolo_ideas i on i.kind = f.kind and i.board = f.board and i.id = f.idea where ${where} order by f.created_at`, args);
  return rows.map((r) => r.title);
}
