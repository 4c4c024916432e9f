/**
 * Boards (ideas, questions): submitting an idea (spam, fill time, daily limit, checks, stop words),
 * upvotes (one per voter per idea), and the team's moderation and merges.
 */
import { checkIdea, cleanDraft, isOpen, refuse, safeUrl, type IdeaStatus } from '@kolo/core';
import type { Db, Queryable } from '../db/types.ts';
import { VOTERS, bump } from '../db/counters.ts';
import { iso } from '../db/values.ts';
import type { ServerAction } from '@kolo/core';
import { changed } from '../live.ts';

type IdeaAction = Extract<ServerAction, { type: 'idea' }>;

/** Serialise one voter's actions on one board (daily limit, first upvote). */
const lockVoter = (q: Queryable, kind: string, board: string, voter: string) => q.query('select pg_advisory_xact_lock(hashtext($1))', [`${kind}:${board}:${voter}`]);

export async function submitIdea(q: Queryable, a: IdeaAction, policy: IdeaAction['policy']) {
  const { kind, id: board } = a.widget;
  if (a.honeypot) refuse('spam', 'this looks automated');
  // the fill time is measured on the sender's own clock (both times are theirs), so clock skew does not matter
  if (!(Date.parse(a.at) - Date.parse(a.startedAt) >= policy.minFillMs)) refuse('too-fast', 'the form was sent too quickly after it was opened');
  await lockVoter(q, kind, board, a.voter);
  const recent = await q.query<{ created_at: unknown }>(
    `select created_at from kolo_ideas where kind = $1 and board = $2 and author = $3 and created_at > now() - interval '1 day' order by created_at desc`,
    [kind, board, a.voter],
  );
  if (recent.length >= policy.maxPerDay) {
    const oldest = Date.parse(iso(recent[policy.maxPerDay - 1]!.created_at));
    refuse('limit', `at most ${policy.maxPerDay} per day`, Math.max(1, Math.ceil((oldest + 864e5 - Date.now()) / 1000)));
  }
  const problems = Object.entries(checkIdea(a.idea, policy));
  if (problems.length) refuse('invalid-idea', problems.map(([f, p]) => `${f}: ${p}`).join('; '));
  const draft = cleanDraft(a.idea);
  const words = (await q.query<{ word: string }>('select word from kolo_stop_words')).map((r) => r.word.toLowerCase());
  const text = ` ${`${draft.title} ${draft.details ?? ''}`.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  if (words.some((w) => text.includes(` ${w} `))) refuse('stop-word', 'the text contains a word this site does not accept');
  await q.query(
    'insert into kolo_ideas (kind, board, id, title, details, category, contact, status, author) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [kind, board, a.id, draft.title, draft.details ?? null, draft.category ?? null, draft.contact ?? null, policy.moderated ? 'pending' : 'review', a.voter],
  );
  await upvote(q, kind, board, a.id, a.voter, true);
}

async function upvote(q: Queryable, kind: string, board: string, idea: string, voter: string, on: boolean) {
  await lockVoter(q, kind, board, voter);
  const firstOfVoter = async () => (await q.query('select 1 from kolo_upvotes where kind = $1 and board = $2 and voter = $3 limit 1', [kind, board, voter])).length === 0;
  if (on) {
    const none = await firstOfVoter();
    const done = await q.query('insert into kolo_upvotes (kind, board, idea, voter) values ($1, $2, $3, $4) on conflict do nothing returning voter', [kind, board, idea, voter]);
    if (!done.length) return;
    await bump(q, kind, board, new Map([[idea, 1], [VOTERS, none ? 1 : 0]]));
  } else {
    const done = await q.query('delete from kolo_upvotes where kind = $1 and board = $2 and idea = $3 and voter = $4 returning voter', [kind, board, idea, voter]);
    if (!done.length) return;
    await bump(q, kind, board, new Map([[idea, -1], [VOTERS, (await firstOfVoter()) ? -1 : 0]]));
  }
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
  await changed(db, kind, board);
}

/** Merge a duplicate into another idea: every upvote moves over (a voter who upvoted both keeps one). */
export async function merge(db: Db, kind: string, board: string, from: string, into: string) {
  if (from === into) refuse('invalid-merge', 'an idea cannot be merged into itself');
  await db.transaction(async (tx) => {
    const found = await tx.query('select id from kolo_ideas where kind = $1 and board = $2 and id in ($3, $4) and merged_into is null for update', [kind, board, from, into]);
    if (found.length !== 2) refuse('not-found', 'both ideas must exist and not be merged already');
    await tx.query('insert into kolo_upvotes (kind, board, idea, voter) select kind, board, $4, voter from kolo_upvotes where kind = $1 and board = $2 and idea = $3 on conflict do nothing', [kind, board, from, into]);
    await tx.query('delete from kolo_upvotes where kind = $1 and board = $2 and idea = $3', [kind, board, from]);
    for (const id of [from, into]) {
      await tx.query('delete from kolo_counts where kind = $1 and widget = $2 and choice = $3', [kind, board, id]);
      await tx.query(
        `insert into kolo_counts (kind, widget, choice, shard, n) values ($1, $2, $3, 0, (select count(*)::int from kolo_upvotes where kind = $1 and board = $2 and idea = $3))`,
        [kind, board, id],
      );
    }
    await tx.query(`update kolo_ideas set merged_into = $4, first_response_at = coalesce(first_response_at, now()) where kind = $1 and board = $2 and id = $3`, [kind, board, from, into]);
  });
  await changed(db, kind, board);
}
