/**
 * The `email` job: what is owed to each email, sent. Confirmations go at once, one message each;
 * changes wait `digestMs` from the oldest one waiting for an email, then go in ONE message. Rows are
 * claimed with `for update skip locked` and leased (`next_at` moved on), so servers sharing a database
 * send each once; a failed send is tried again with back-off (1, 2, 4 … minutes, at most 6 hours)
 * until `MAX_ATTEMPTS`. Sent rows are kept `retentionDays`, then deleted (../follows/expire in `expireFollows`).
 */
import type { EventItem } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { json } from '../db/values.ts';
import { confirmMessage, digestMessage, type Change, type Message } from './compose.ts';
import type { Mailer } from './mailer.ts';
import { hashToken, newToken } from './tokens.ts';

/** Sends tried before a notification is given up (about 3 days of back-off). */
export const MAX_ATTEMPTS = 16;
/** Emails one run sends to (the next run takes the rest). */
const BATCH = 50;

type Row = {
  id: unknown;
  email: string;
  lang: string;
  type: string;
  kind: string;
  board: string;
  idea: string;
  data: unknown;
  attempts: number;
};

/** Claim what is due: confirmations, and every waiting change of each email whose oldest has waited `digestMs`. */
async function claim(db: Db, digestMs: number): Promise<Row[]> {
  return db.query<Row>(
    `with due as (
       select email, type = 'confirm' as confirm from kolo_notifications
       where sent_at is null and attempts < $2 and next_at <= now()
       group by email, type = 'confirm'
       having bool_and(type = 'confirm') or min(created_at) <= now() - make_interval(secs => $1::float8 / 1000)
       limit ${BATCH}
     ), mine as (
       select n.id from kolo_notifications n join due d on d.email = n.email and d.confirm = (n.type = 'confirm')
       where n.sent_at is null and n.attempts < $2 and n.next_at <= now()
       for update of n skip locked
     )
     update kolo_notifications n set attempts = n.attempts + 1, next_at = now() + interval '15 minutes'
     from mine where n.id = mine.id
     returning n.id, n.email, n.lang, n.type, n.kind, n.board, n.idea, n.data, n.attempts`,
    [digestMs, MAX_ATTEMPTS],
  );
}

/** Send everything due; resolves with how many messages went. */
export function sendNotifications(db: Db, mail: Mailer) {
  return async () => {
    const rows = await claim(db, mail.digestMs);
    let sent = 0;
    const byEmail = new Map<string, Row[]>();
    for (const r of rows) if (r.type !== 'confirm') byEmail.set(r.email, [...(byEmail.get(r.email) ?? []), r]);
    const batches: Row[][] = [...rows.filter((r) => r.type === 'confirm').map((r) => [r]), ...byEmail.values()];
    for (const batch of batches) {
      const ok = await deliver(db, mail, batch).then(() => true, () => false);
      await settle(db, batch, ok);
      if (ok) sent++;
    }
    return sent;
  };
}

/** Mark a batch sent, or due again after its back-off. */
async function settle(db: Db, batch: Row[], ok: boolean) {
  const ids = batch.map((r) => String(r.id));
  if (ok) await db.query('update kolo_notifications set sent_at = now() where id = any($1::bigint[])', [ids]);
  else await db.query(`update kolo_notifications set next_at = now() + make_interval(mins => least(power(2, attempts - 1), 360)::int) where id = any($1::bigint[])`, [ids]);
}

/** Make the links (tokens kept only as hashes) and send one message for `batch`. */
async function deliver(db: Db, mail: Mailer, batch: Row[]) {
  const first = batch[0]!;
  const unfollow = async (item?: { kind: string; board: string; idea: string }) => {
    const token = newToken();
    await db.query('insert into kolo_unfollow_links (hash, email, kind, board, idea) values ($1, $2, $3, $4, $5)', [hashToken(token), first.email, item?.kind ?? null, item?.board ?? null, item?.idea ?? null]);
    return mail.link('/v1/follows/unfollow', token);
  };
  let message: Message;
  if (first.type === 'confirm') {
    const data = json(first.data) as { contact: string };
    const token = newToken();
    // a new link each time the mail is sent (a retried mail's earlier link never arrived)
    const [c] = await db.query('update kolo_contacts set confirm_hash = $2 where id = $1 and confirmed_at is null returning id', [data.contact, hashToken(token)]);
    if (!c) return; // confirmed (or forgotten) meanwhile: nothing to send
    message = confirmMessage(first.lang, mail.link('/v1/follows/confirm', token), await unfollow());
  } else {
    const changes: Change[] = [];
    for (const r of batch) changes.push({ type: r.type, item: absoluteLink(json(r.data) as EventItem), unfollow: await unfollow(r) });
    message = digestMessage(first.lang, changes, await unfollow());
  }
  await mail.send(first.email, message);
}

/** A message's link must work from an inbox: only absolute http(s) ones are kept. */
function absoluteLink(item: EventItem): EventItem {
  if (!item.link || /^https?:\/\//i.test(item.link)) return item;
  const { link: _, ...rest } = item;
  return rest;
}
