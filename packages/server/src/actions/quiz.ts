/** Quiz answers: graded with the registered key; statistics keep each voter's first attempt. */
import { grade, refuse } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { VOTERS, bump } from '../db/counters.ts';
import type { ServerAction } from '@kolo/core';

type AnswerAction = Extract<ServerAction, { type: 'answer' }>;
type Question = { options: string[]; multiple: boolean; key: string[] };

export async function answer(q: Queryable, a: AnswerAction, config: Record<string, unknown>) {
  const { kind, id } = a.widget;
  const registered = await question(q, a, config);
  const key = registered.key;
  // core's grading, as in the memory and local adapters
  const correct = grade(a.choices, registered, key);
  const previous = async () =>
    (await q.query('select 1 from kolo_answers where kind = $1 and widget = $2 and voter = $3 and question = $4 for update', [kind, id, a.voter, a.question]))[0];
  if (!(await previous())) {
    const anyBefore = (await q.query('select 1 from kolo_answers where kind = $1 and widget = $2 and voter = $3 limit 1', [kind, id, a.voter])).length > 0;
    const inserted = await q.query(
      'insert into kolo_answers (kind, widget, voter, question, choices, key, correct, first) values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict do nothing returning voter',
      [kind, id, a.voter, a.question, JSON.stringify(a.choices), JSON.stringify(key), correct],
    );
    if (inserted.length) {
      const changes = new Map([[`${a.question}:answered`, 1], [`${a.question}:correct`, correct ? 1 : 0], [VOTERS, anyBefore ? 0 : 1]]);
      await bump(q, kind, id, changes);
      return;
    }
    await previous();
  }
  // a later attempt: shown to the voter, statistics keep the first one
  await q.query('update kolo_answers set choices = $5, correct = $6 where kind = $1 and widget = $2 and voter = $3 and question = $4', [kind, id, a.voter, a.question, JSON.stringify(a.choices), correct]);
}

/** The question as registered; its first answer registers it with the key it carries (trust on first use). */
async function question(q: Queryable, a: AnswerAction, config: Record<string, unknown>): Promise<Question> {
  const questions = (config.questions ?? {}) as Record<string, Question>;
  // own keys only: a question id such as `constructor` is not a property every object has
  if (Object.hasOwn(questions, a.question)) return questions[a.question]!;
  if (!a.key?.length) refuse('cannot-grade', 'this quiz question has no registered answer key');
  const registered = { ...a.policy, key: a.key! };
  await q.query(
    `update kolo_widgets set config = coalesce(config, '{}'::jsonb) || jsonb_build_object('questions', coalesce(config->'questions', '{}'::jsonb) || jsonb_build_object($3::text, $4::jsonb))
     where kind = $1 and id = $2`,
    [a.widget.kind, a.widget.id, a.question, JSON.stringify(registered)],
  );
  return registered;
}
