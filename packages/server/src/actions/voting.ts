/** Votes (poll, choice, reactions, faq): one ballot per voter per widget, changed or withdrawn when the policy allows. */
import { decideVote } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { VOTERS, bump, change, type Changes } from '../db/counters.ts';
import { json } from '../db/values.ts';
import type { ServerAction } from '@kolo/core';

type VoteAction = Extract<ServerAction, { type: 'vote' }>;

export async function vote(q: Queryable, a: VoteAction, policy: VoteAction['policy']) {
  const { kind, id } = a.widget;
  const now = Date.now();
  const current = async () =>
    (await q.query<{ choices: unknown }>('select choices from kolo_ballots where kind = $1 and widget = $2 and voter = $3 for update', [kind, id, a.voter]))[0];
  let prev = await current();
  if (!prev && a.choices.length) {
    // core's rules decide, as in the memory and local adapters; the SQL keeps one ballot per voter
    decideVote(policy, a.choices, undefined, now);
    const inserted = await q.query('insert into kolo_ballots (kind, widget, voter, choices) values ($1, $2, $3, $4) on conflict do nothing returning voter', [kind, id, a.voter, JSON.stringify(a.choices)]);
    if (inserted.length) {
      await bump(q, kind, id, ballotChanges([], a.choices));
      return;
    }
    // the same voter's ballot was inserted concurrently: continue as a change of it
    prev = await current();
  }
  const before = prev ? (json(prev.choices) as string[]) : [];
  decideVote(policy, a.choices, before, now);
  if (a.choices.length) await q.query('update kolo_ballots set choices = $4, at = now() where kind = $1 and widget = $2 and voter = $3', [kind, id, a.voter, JSON.stringify(a.choices)]);
  else await q.query('delete from kolo_ballots where kind = $1 and widget = $2 and voter = $3', [kind, id, a.voter]);
  await bump(q, kind, id, ballotChanges(before, a.choices));
}

/** The counters a ballot moves from `before` to `after` changes (voters included). */
function ballotChanges(before: string[], after: string[]): Changes {
  const changes: Changes = new Map();
  for (const c of before) change(changes, c, -1);
  for (const c of after) change(changes, c, 1);
  return change(changes, VOTERS, (after.length ? 1 : 0) - (before.length ? 1 : 0));
}
