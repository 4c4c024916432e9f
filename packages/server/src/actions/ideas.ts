/**
 * Boards (ideas, questions): submitting an idea (spam, fill time, daily quotas, checks, stop words),
 * upvotes (one per voter per idea: `kolo_idea` and `kolo_upvote_action` in migration 0007), and the
 * team's moderation and merges.
 */
import { OPEN_STATUSES, checkIdea, checkRulesAccepted, cleanDraft, errorAnswer, refuse, safeUrl, type IdeaDraft, type IdeaStatus } from '@kolo/core';
import type { Db, Queryable } from '../db/types.ts';
import { json } from '../db/values.ts';
import type { ServerAction } from '@kolo/core';
import { changed } from '../live.ts';
import { findStopWord } from './stop-words.ts';
import type { Events } from '../events/publish.ts';
import { ITEM_COLUMNS, eventItem } from '../events/item.ts';

type IdeaAction = Extract<ServerAction, { type: 'idea' }>;

/** How many times a board's `maxPerDay` may come from one client address a day (people share addresses: offices, mobile networks). */
export const ADDRESS_FACTOR = 5;

/** The site's stop words (every language) and their version (moved by any change to them: migration 0007). */
export interface StopWords {
  version: number;
  words: string[];
}

/**
 * Stop words kept in this process. Each idea's SQL compares the version and answers `stale` when they
 * changed (on this server or another), and the idea is checked again on a fresh read; the admin
 * stop-words API of this server forgets them at once.
 */
export function stopWordsCache(db: Queryable) {
  let kept: Promise<StopWords> | undefined;
  const read = async (): Promise<StopWords> => {
    const [r] = await db.query<{ version: unknown; words: unknown }>(
      `select coalesce((select v from kolo_versions where name = 'stop-words'), 0) as version, coalesce((select json_agg(word) from kolo_stop_words), '[]') as words`,
    );
    return { version: Number(r!.version), words: json(r!.words) as string[] };
  };
  return {
    get: () => (kept ??= read().catch((e) => ((kept = undefined), Promise.reject(e)))),
    forget: () => void (kept = undefined),
  };
}

/**
 * An idea as core's rules and the site's stop words judge it: the honeypot, the fill time and the community rules (when the board requires them) refuse
 * it at once; a draft core's checks or the stop words refuse is refused after the daily quotas (the
 * SQL's `p_after`), as before. Arguments: stop words' version, maxPerDay, ADDRESS_FACTOR, the refusal
 * after the quotas, the clean draft, the status it starts with.
 */
export function ideaArgs(a: IdeaAction, policy: IdeaAction['policy'], words: StopWords): unknown[] {
  if (a.honeypot) refuse('spam', 'this looks automated');
  // on a server both times are its own: the form token's issue time and the arrival (form-token.ts)
  if (!(Date.parse(a.at) - Date.parse(a.startedAt) >= policy.minFillMs)) refuse('too-fast', 'the form was sent too quickly after it was opened');
  checkRulesAccepted(a, policy);
  const draft = cleanDraft(a.idea);
  return [words.version, policy.maxPerDay, ADDRESS_FACTOR, textRefusal(a, draft, policy, words.words), JSON.stringify(draft), policy.moderated ? 'pending' : 'review'];
}

/** core's checks of the draft, then the stop words: the refusal's answer, or null. */
function textRefusal(a: IdeaAction, draft: IdeaDraft, policy: IdeaAction['policy'], words: string[]): string | null {
  const problems = Object.entries(checkIdea(a.idea, policy));
  if (problems.length) return JSON.stringify(errorAnswer('invalid-idea', problems.map(([f, p]) => `${f}: ${p}`).join('; ')));
  // as sent (a BOM inside a word is ignorable) and as stored (where JavaScript's \s made it a space)
  const texts = [a.idea, draft].map((d) => `${d.title}\n${d.details ?? ''}`);
  if (texts.some((t) => findStopWord(t, words) !== undefined)) return JSON.stringify(errorAnswer('stop-word', 'the text contains a word this site does not accept'));
  return null;
}

const OPEN = JSON.stringify(OPEN_STATUSES);
/** An upvote on an idea open for them (core's open statuses). Arguments: idea, on, open statuses. */
export const upvoteArgs = (a: Extract<ServerAction, { type: 'upvote' }>): unknown[] => [a.idea, a.on, OPEN];

export interface Moderation {
  status: IdeaStatus;
  answer?: string | undefined;
  link?: string | undefined;
  reason?: string | undefined;
}

/**
 * The team sets an idea's status, public answer, announcement link or reason (`''` clears one), and in
 * the same transaction publishes what changed: `idea.status_changed` when the status moved,
 * `question.answered` when a question got an answer or a new one.
 */
export async function moderate(db: Db, events: Events, kind: string, board: string, idea: string, d: Moderation) {
  if (d.link && !safeUrl(d.link)) refuse('invalid-link', 'the announcement link must be an http(s) or relative link');
  await db.transaction(async (tx) => {
    const [before] = await tx.query('select status, answer from kolo_ideas where kind = $1 and board = $2 and id = $3 for update', [kind, board, idea]);
    if (!before) refuse('not-found', `no idea "${idea}"`);
    const [after] = await tx.query(
      `update kolo_ideas set status = $4,
         answer = case when $5::text is null then answer when $5 = '' then null else $5 end,
         link = case when $6::text is null then link when $6 = '' then null else $6 end,
         reason = case when $7::text is null then reason when $7 = '' then null else $7 end,
         first_response_at = coalesce(first_response_at, now()),
         done_at = case when $4 <> 'done' then null when status = 'done' then done_at else now() end
       where kind = $1 and board = $2 and id = $3 returning ${ITEM_COLUMNS}`,
      [kind, board, idea, d.status, d.answer?.trim() ?? null, d.link?.trim() ?? null, d.reason?.trim() ?? null],
    );
    const on = { kind: kind as 'ideas' | 'questions', board, item: eventItem(after!) };
    if (after!.status !== before!.status) await events.publish(tx, 'idea.status_changed', { ...on, previous: before!.status as IdeaStatus });
    if (kind === 'questions' && after!.answer && after!.answer !== before!.answer) {
      await events.publish(tx, 'question.answered', { ...on, ...(before!.answer ? { previous: String(before!.answer) } : {}) });
    }
  });
  await changed(db, kind, board, [idea]);
}

/** Merge a duplicate into another idea: every upvote moves over (a voter who upvoted both keeps one). */
export async function merge(db: Db, kind: string, board: string, from: string, into: string) {
  if (from === into) refuse('invalid-merge', 'an idea cannot be merged into itself');
  await db.transaction(async (tx) => {
    const found = await tx.query('select id from kolo_ideas where kind = $1 and board = $2 and id in ($3, $4) and merged_into is null for update', [kind, board, from, into]);
    if (found.length !== 2) refuse('not-found', 'both ideas must exist and not be merged already');
    // counts carried over (imported or seeded ideas have votes without upvote rows), less the people who upvoted both
    await tx.query(
      `update kolo_ideas i set votes = i.votes + f.votes - (select count(*)::int from kolo_upvotes a join kolo_upvotes b on b.kind = a.kind and b.board = a.board and b.voter = a.voter and b.idea = $4
                                                           where a.kind = $1 and a.board = $2 and a.idea = $3)
       from kolo_ideas f where f.kind = $1 and f.board = $2 and f.id = $3 and i.kind = $1 and i.board = $2 and i.id = $4`,
      [kind, board, from, into],
    );
    await tx.query('insert into kolo_upvotes (kind, board, idea, voter) select kind, board, $4, voter from kolo_upvotes where kind = $1 and board = $2 and idea = $3 on conflict do nothing', [kind, board, from, into]);
    await tx.query('delete from kolo_upvotes where kind = $1 and board = $2 and idea = $3', [kind, board, from]);
    // and its followers: told of what happens to the idea it became
    await tx.query('insert into kolo_follows (contact, kind, board, idea) select contact, kind, board, $4 from kolo_follows where kind = $1 and board = $2 and idea = $3 on conflict do nothing', [kind, board, from, into]);
    await tx.query('delete from kolo_follows where kind = $1 and board = $2 and idea = $3', [kind, board, from]);
    await tx.query('update kolo_ideas set votes = 0 where kind = $1 and board = $2 and id = $3', [kind, board, from]);
    await tx.query(`update kolo_ideas set merged_into = $4, first_response_at = coalesce(first_response_at, now()) where kind = $1 and board = $2 and id = $3`, [kind, board, from, into]);
  });
  await changed(db, kind, board, [from, into]);
}
