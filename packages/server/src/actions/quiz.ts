/** Quiz answers: graded with the registered key; statistics keep each voter's first attempt. */
import { grade } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { VOTERS, bump } from '../db/counters.ts';
import type { QuizQuestionRules, ServerAction } from '@kolo/core';

type AnswerAction = Extract<ServerAction, { type: 'answer' }>;

/** Grade with the registered question (its key never comes from the answer). */
export async function answer(q: Queryable, a: AnswerAction, registered: QuizQuestionRules) {
  const { kind, id } = a.widget;
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
