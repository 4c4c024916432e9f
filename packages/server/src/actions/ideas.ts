/**
 * Boards (ideas, questions): submitting an idea (spam, fill time, daily quotas, checks, stop words),
 * upvotes (one per voter per idea), and the team's moderation and merges.
 */
import { checkIdea, cleanDraft, isOpen, refuse, safeUrl, type IdeaStatus } from '@kolo/core';
import type { Db, Queryable } from '../db/types.ts';
import { VOTERS, bump } from '../db/counters.ts';
import { iso } from '../db/values.ts';
import type { ServerAction } from '@kolo/core';
import { changed } from '../live.ts';
import { findStopWord } from './stop-words.ts';

type IdeaAction = Extract<ServerAction, { type: 'idea' }>;

/** How many times a board's `maxPerDay` may come from one client address a day (people share addresses: offices, mobile networks). */
export const ADDRESS_FACTOR = 5;

/** Serialise one voter's actions on one board (daily limit, first upvote). */
const lockVoter = (q: Queryable, kind: string, board: string, voter: string) => q.query('select pg_advisory_xact_lock(hashtext($1))', [`${kind}:${board}:${voter}`]);

/** Refuse (`limit`, with the wait) when `times` (newest first) already holds `max` submissions of the last day. */
function perDay(times: { created_at: unknown }[], max: number, who: string) {
  if (times.length < max) return;
  const oldest = Date.parse(iso(times[max - 1]!.created_at));
  refuse('limit', `at most ${max} per day ${who}`, Math.max(1, Math.ceil((oldest + 864e5 - Date.now()) / 1000)));
}

/**
 * The daily quotas: `maxPerDay` per voter, and `ADDRESS_FACTOR` times that per client address (a new
 * voter id does not walk past it). The address is the salted IP hash the action's idempotency record
 * (claimed in this transaction) keeps; an idea's id is its action's id.
 */
async function dailyQuotas(q: Queryable, a: IdeaAction, maxPerDay: number) {
  const { kind, id: board } = a.widget;
  const [own] = await q.query<{ ip_hash: string | null }>('select ip_hash from kolo_actions where id = $1', [a.id]);
  const ipHash = own?.ip_hash;
  if (ipHash) await q.query('select pg_advisory_xact_lock(hashtext($1))', [`${kind}:${board}:ip:${ipHash}`]);
  await lockVoter(q, kind, board, a.voter);
  const mine = await q.query<{ created_at: unknown }>(
    `select created_at from kolo_ideas where kind = $1 and board = $2 and author = $3 and created_at > now() - interval '1 day' order by created_at desc limit $4`,
    [kind, board, a.voter, maxPerDay],
  );
  perDay(mine, maxPerDay, 'from one person');
  if (!ipHash) return;
  const max = maxPerDay * ADDRESS_FACTOR;
  const fromAddress = await q.query<{ created_at: unknown }>(
    `select i.created_at from kolo_ideas i join kolo_actions x on x.id = i.id and x.kind = i.kind and x.widget = i.board
     where i.kind = $1 and i.board = $2 and x.ip_hash = $3 and i.created_at > now() - interval '1 day' order by i.created_at desc limit $4`,
    [kind, board, ipHash, max],
  );
  perDay(fromAddress, max, 'from one network');
}

export async function submitIdea(q: Queryable, a: IdeaAction, policy: IdeaAction['policy']) {
  const { kind, id: board } = a.widget;
  if (a.honeypot) refuse('spam', 'this looks automated');
  // on a server both times are its own: the form token's issue time and the arrival (form-token.ts)
  if (!(Date.parse(a.at) - Date.parse(a.startedAt) >= policy.minFillMs)) refuse('too-fast', 'the form was sent too quickly after it was opened');
  await dailyQuotas(q, a, policy.maxPerDay);
  const problems = Object.entries(checkIdea(a.idea, policy));
  if (problems.length) refuse('invalid-idea', problems.map(([f, p]) => `${f}: ${p}`).join('; '));
  const draft = cleanDraft(a.idea);
  const words = (await q.query<{ word: string }>('select word from kolo_stop_words')).map((r) => r.word);
  // as sent (a BOM inside a word is ignorable) and as stored (where JavaScript's \s made it a space)
  const texts = [a.idea, draft].map((d) => `${d.title}\n${d.details ?? ''}`);
  if (texts.some((t) => findStopWord(t, words) !== undefined)) refuse('stop-word', 'the text contains a word this site does not accept');
  await q.query(
    'insert into kolo_ideas (kind, board, id, title, details, category, contact, status, author) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [kind, board, a.id, draft.title, draft.details ?? null, draft.category ?? null, draft.contact ?? null, policy.moderated ? 'pending' : 'review', a.voter],
  );
  await upvote(q, kind, board, a.id, a.voter, true);
}

async function upvote(q: Queryable, kind: string, board: string, idea: string, voter: string, on: boolean) {
  await lockVoter(q, kind, board, voter);
  const firstOfVoter = async () => (await q.query('select 1 from kolo_upvotes where kind = $1 and board = $2 and voter = $3 limit 1', [kind, board, voter])).length === 0;
  const none = on && (await firstOfVoter());
  const done = on
    ? await q.query('insert into kolo_upvotes (kind, board, idea, voter) values ($1, $2, $3, $4) on conflict do nothing returning voter', [kind, board, idea, voter])
    : await q.query('delete from kolo_upvotes where kind = $1 and board = $2 and idea = $3 and voter = $4 returning voter', [kind, board, idea, voter]);
  if (!done.length) return;
  // the idea's count is on the idea; the board's counters keep its voters
  await q.query('update kolo_ideas set votes = votes + $4 where kind = $1 and board = $2 and id = $3', [kind, board, idea, on ? 1 : -1]);
  const voters = on ? (none ? 1 : 0) : (await firstOfVoter()) ? -1 : 0;
  if (voters) await bump(q, kind, board, new Map([[VOTERS, voters]]));
}

export async function upvoteAction(q: Queryable, a: Extract<ServerAction, { type: 'upvote' }>) {
  const { kind, id: board } = a.widget;
  const [idea] = await q.query<{ status: IdeaStatus; author: string }>('select status, author from kolo_ideas where kind = $1 and board = $2 and id = $3 and merged_into is null', [kind, board, a.idea]);
  if (!idea || ((idea.status === 'pending' || idea.status === 'rejected') && idea.author !== a.voter)) refuse('not-found', `no idea "${a.idea}"`);
  if (!isOpen(idea!)) refuse('closed', 'this idea is no longer open for upvotes');
  await upvote(q, kind, board, a.idea, a.voter, a.on);
}

export interface Moderation {
  status: IdeaStatus;
  answer?: string | undefined;
  link?: string | undefined;
  reason?: string | undefined;
}

/** The team sets an idea's status, public answer, announcement link or reason (`''` clears one). */
export async function moderate(db: Db, kind: string, board: string, idea: string, d: Moderation) {
  if (d.link && !safeUrl(d.link)) refuse('invalid-link', 'the announcement link must be an http(s) or relative link');
  const rows = await db.query(
    `update kolo_ideas set status = $4,
       answer = case when $5::text is null then answer when $5 = '' then null else $5 end,
       link = case when $6::text is null then link when $6 = '' then null else $6 end,
       reason = case when $7::text is null then reason when $7 = '' then null else $7 end,
       first_response_at = coalesce(first_response_at, now())
     where kind = $1 and board = $2 and id = $3 returning id`,
    [kind, board, idea, d.status, d.answer?.trim() ?? null, d.link?.trim() ?? null, d.reason?.trim() ?? null],
  );
  if (!rows.length) refuse('not-found', `no idea "${idea}"`);
  await changed(db, kind, board, [idea]);
}

/** Merge a duplicate into another idea: every upvote moves over (a voter who upvoted both keeps one). */
export async function merge(db: Db, kind: string, board: string, from: string, into: string) {
  if (from === into) refuse('invalid-merge', 'an idea cannot be merged into itself');
  await db.transaction(async (tx) => {
    const found = await tx.query('select id from kolo_ideas where kind = $1 and board = $2 and id in ($3, $4) and merged_into is null for update', [kind, board, from, into]);
    if (found.length !== 2) refuse('not-found', 'both ideas must exist and not be merged already');
    await tx.query('insert into kolo_upvotes (kind, board, idea, voter) select kind, board, $4, voter from kolo_upvotes where kind = $1 and board = $2 and idea = $3 on conflict do nothing', [kind, board, from, into]);
    await tx.query('delete from kolo_upvotes where kind = $1 and board = $2 and idea = $3', [kind, board, from]);
    await tx.query(
      `update kolo_ideas i set votes = (select count(*)::int from kolo_upvotes u where u.kind = i.kind and u.board = i.board and u.idea = i.id) where kind = $1 and board = $2 and id in ($3, $4)`,
      [kind, board, from, into],
    );
    await tx.query(`update kolo_ideas set merged_into = $4, first_response_at = coalesce(first_response_at, now()) where kind = $1 and board = $2 and id = $3`, [kind, board, from, into]);
  });
  await changed(db, kind, board, [from, into]);
}
