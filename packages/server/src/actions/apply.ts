/** Inside the action's transaction: the widget's registered rules, then the family's own step. */
import { isBoardKind, isVotingKind, refuse, type ServerAction } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { json } from '../db/values.ts';
import { submitIdea, upvoteAction } from './ideas.ts';
import { answer } from './quiz.ts';
import { vote } from './voting.ts';

/** Apply an action by its family; counters (the rows every voter of a widget shares) are updated last, so they stay locked briefly. */
export async function apply(tx: Queryable, a: ServerAction) {
  const { kind, id } = a.widget;
  const policy = 'policy' in a && a.type !== 'answer' ? a.policy : undefined;
  const config = await widgetConfig(tx, kind, id, policy);
  const registered = (config.policy ?? policy) as never;
  if (a.type === 'vote') {
    if (!isVotingKind(kind)) refuse('wrong-kind', `a ${kind} does not take votes`);
    await vote(tx, a, registered);
  } else if (a.type === 'answer') {
    if (kind !== 'quiz') refuse('wrong-kind', 'only a quiz takes answers');
    await answer(tx, a, config);
  } else {
    if (!isBoardKind(kind)) refuse('wrong-kind', `a ${kind} has no ideas`);
    if (a.type === 'idea') await submitIdea(tx, a, registered);
    else await upvoteAction(tx, a);
  }
}

/** The widget's registered settings; the first action registers its policy when none is (trust on first use). */
async function widgetConfig(q: Queryable, kind: string, id: string, policy: unknown): Promise<Record<string, unknown>> {
  await q.query('insert into kolo_widgets (kind, id, config) values ($1, $2, $3) on conflict (kind, id) do nothing', [kind, id, policy ? JSON.stringify({ policy }) : null]);
  const [w] = await q.query<{ config: unknown }>('select config from kolo_widgets where kind = $1 and id = $2', [kind, id]);
  const config = (json(w?.config) as Record<string, unknown> | null) ?? {};
  if (policy && !config.policy) {
    await q.query(`update kolo_widgets set config = coalesce(config, '{}'::jsonb) || $3::jsonb where kind = $1 and id = $2`, [kind, id, JSON.stringify({ policy })]);
    return { ...config, policy };
  }
  return config;
}
