/** Retention of what follows keep: unconfirmed contacts after `CONFIRM_DAYS`, sent notifications and old unfollow links after `days`. */
import type { Db } from '../db/types.ts';
import { CONFIRM_DAYS } from './links.ts';
import { MAX_ATTEMPTS } from './send.ts';

export async function expireFollows(db: Db, days: number) {
  // a contact never confirmed goes with its follows and its waiting confirmation
  await db.query(`delete from kolo_notifications n using kolo_contacts c where n.type = 'confirm' and n.data->>'contact' = c.id::text and c.confirmed_at is null and c.created_at < now() - make_interval(days => $1)`, [CONFIRM_DAYS]);
  await db.query('delete from kolo_contacts where confirmed_at is null and created_at < now() - make_interval(days => $1)', [CONFIRM_DAYS]);
  // sent, or given up after every attempt
  await db.query('delete from kolo_notifications where (sent_at < now() - make_interval(days => $1)) or (attempts >= $2 and created_at < now() - make_interval(days => $1))', [days, MAX_ATTEMPTS]);
  await db.query(`delete from kolo_notifications where type = 'confirm' and sent_at is not null`);
  await db.query('delete from kolo_unfollow_links l where created_at < now() - make_interval(days => $1)', [Math.max(days, 180)]);
}
