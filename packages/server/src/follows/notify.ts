/**
 * The followers' sink of the outbox (../events/publish.ts): for a change people are told of, one
 * waiting notification per confirmed email that follows the item, written in the publishing
 * transaction (one INSERT … SELECT); and the author of a new idea who left an email follows it.
 */
import { EMAIL_PATTERN, FOLLOW_LIMITS, type KoloEvent } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import type { Sink } from '../events/publish.ts';
import { contactOf } from './follow.ts';
import { normalEmail } from './tokens.ts';

/** Statuses followers are told of: planned, in progress, done, declined (a moderator's approval, pending → review, is not news to them). */
const TOLD_STATUSES = ['planned', 'progress', 'done', 'declined'];

/** Whether followers are told of `event`. A question's move to done is told by its `question.answered`. */
function isNews(event: KoloEvent): boolean {
  if (event.type === 'question.answered') return true;
  if (event.type !== 'idea.status_changed') return false;
  const { kind, item } = event.data;
  return TOLD_STATUSES.includes(item.status) && !(kind === 'questions' && item.status === 'done' && item.answer);
}

export const followersSink: Sink = async (q, event) => {
  if (event.type === 'idea.submitted') return authorFollows(q, event.data.kind, event.data.board, event.data.item.id);
  if (!isNews(event)) return;
  const { kind, board, item } = (event as KoloEvent<'idea.status_changed' | 'question.answered'>).data;
  // one row per email, however many voter ids confirmed it; in the language of its latest contact
  await q.query(
    `insert into kolo_notifications (email, lang, type, kind, board, idea, data)
     select distinct on (c.email) c.email, c.lang, $1, $2, $3, $4, $5::jsonb
     from kolo_follows f join kolo_contacts c on c.id = f.contact
     where f.kind = $2 and f.board = $3 and f.idea = $4 and c.confirmed_at is not null
     order by c.email, c.confirmed_at desc`,
    [event.type, kind, board, item.id, JSON.stringify(item)],
  );
};

/** The author of a new idea who left an email as contact follows it (a new email is confirmed first). */
async function authorFollows(q: Queryable, kind: string, board: string, idea: string) {
  const [r] = await q.query<{ contact: string | null; author: string }>('select contact, author from kolo_ideas where kind = $1 and board = $2 and id = $3', [kind, board, idea]);
  const email = r?.contact && normalEmail(r.contact);
  if (!email || email.length > FOLLOW_LIMITS.email || !EMAIL_PATTERN.test(email)) return;
  const [known] = await q.query<{ lang: string }>('select lang from kolo_contacts where email = $1 order by confirmed_at desc nulls last limit 1', [email]);
  const contact = await contactOf(q, email, r.author, known?.lang ?? 'en', { kind, board, idea });
  if (contact) await q.query('insert into kolo_follows (contact, kind, board, idea) values ($1, $2, $3, $4) on conflict do nothing', [contact.id, kind, board, idea]);
}
