/**
 * Following an item: a contact (email, voter) and its follow, in one transaction. A new contact owes a
 * confirmation mail (a `confirm` notification the `email` job sends); a contact this voter confirmed
 * before follows at once. Another voter giving a known email makes a contact of its own, which must be
 * confirmed too: nobody subscribes someone else. The answer never says whether the email is known.
 */
import { refuse } from '@kolo/core';
import type { Db, Queryable } from '../db/types.ts';
import { mailLang, normalEmail } from './tokens.ts';

/** Unconfirmed contacts one email may have at once: beyond it a follow is answered the same, but no mail goes (nobody floods an inbox with confirmations). */
const UNCONFIRMED_PER_EMAIL = 3;

export interface FollowAsk {
  kind: 'ideas' | 'questions';
  board: string;
  idea: string;
  email: string;
  voter: string;
  lang?: string | undefined;
}

/** Follow `a.idea` (an item the voter can see); whether this voter's contact was confirmed already. */
export async function follow(db: Db, a: FollowAsk): Promise<{ confirmed: boolean }> {
  return db.transaction(async (tx) => {
    const [item] = await tx.query(
      `select 1 from kolo_ideas where kind = $1 and board = $2 and id = $3 and merged_into is null and (status not in ('pending', 'rejected') or author = $4)`,
      [a.kind, a.board, a.idea, a.voter],
    );
    if (!item) refuse('not-found', `idea: no idea "${a.idea}" on this board`);
    const contact = await contactOf(tx, normalEmail(a.email), a.voter, mailLang(a.lang), a);
    if (!contact) return { confirmed: false };
    await tx.query('insert into kolo_follows (contact, kind, board, idea) values ($1, $2, $3, $4) on conflict do nothing', [contact.id, a.kind, a.board, a.idea]);
    return { confirmed: contact.confirmed };
  });
}

/**
 * The contact of (email, voter), made when new (with its confirmation owed, unless the email has too
 * many unconfirmed contacts already: then none). `item`: what the confirmation is for (the mail names
 * nothing; the page its link opens names the item).
 */
export async function contactOf(q: Queryable, email: string, voter: string, lang: string, item: { kind: string; board: string; idea: string }) {
  const [known] = await q.query<{ id: unknown; confirmed_at: unknown }>('select id, confirmed_at from kolo_contacts where email = $1 and voter = $2', [email, voter]);
  if (known) return { id: String(known.id), confirmed: known.confirmed_at != null };
  const [made] = await q.query<{ id: unknown }>(
    `insert into kolo_contacts (email, voter, lang)
     select $1, $2, $3 where (select count(*) from kolo_contacts where email = $1 and confirmed_at is null) < $4
     on conflict (email, voter) do nothing returning id`,
    [email, voter, lang, UNCONFIRMED_PER_EMAIL],
  );
  if (!made) return undefined;
  await q.query(`insert into kolo_notifications (email, lang, type, kind, board, idea, data) values ($1, $2, 'confirm', $3, $4, $5, $6::jsonb)`, [
    email,
    lang,
    item.kind,
    item.board,
    item.idea,
    JSON.stringify({ contact: String(made.id) }),
  ]);
  return { id: String(made.id), confirmed: false };
}
