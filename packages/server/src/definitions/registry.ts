/**
 * Which rules an action is judged by. A registered widget's own (set by the team, `kolo-server
 * register` or a signed definition); in development the first action registers a widget that has none
 * (logged once); in production a widget nobody registered is refused, and an action's policy or key
 * is never taken.
 */
import { refuse, rulesSchemaOf, type QuizQuestionRules, type ServerAction, type WidgetDefinition, type WidgetRules } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { json } from '../db/values.ts';
import { verifyWidget } from './sign.ts';

export interface Registration {
  /** production: only registered (or validly signed) widgets take actions */
  closed: boolean;
  /** the secret signed definitions are checked with; without it, signatures are not accepted */
  signingSecret?: string | undefined;
  /** a widget registered by its first action (development) */
  onFirstUse?: (widget: string) => void;
}

type Stored = { policy?: unknown; questions?: Record<string, QuizQuestionRules> };

/** The rules `a` is judged by; registers them first when a signature or (in development) first use allows. */
export async function rulesOf(q: Queryable, a: ServerAction, reg: Registration): Promise<Stored> {
  const { kind, id } = a.widget;
  const stored = await storedRules(q, kind, id);
  if (covers(stored, a)) return stored;
  // an upvote offers no rules: a signature on it says nothing
  const signed = !!a.signature && a.type !== 'upvote';
  if (signed && reg.signingSecret) {
    const offered = offeredBy(a, true);
    if (!offered) refuse('invalid', 'quiz: a signed answer carries the whole quiz it signs');
    if (!verifyWidget({ kind, id, rules: offered! } as WidgetDefinition, a.signature!, reg.signingSecret)) refuse('bad-signature', "the widget's signature does not match its definition");
    return register(q, a, offered!);
  }
  if (reg.closed && signed) refuse('bad-signature', 'this server takes no signed definitions (no KOLO_SIGNING_SECRET)');
  // a registered quiz lacking this question cannot grade it; a widget with no rules is unknown
  if (reg.closed && stored.questions) refuse('cannot-grade', 'this quiz question is not registered');
  if (reg.closed) refuse('unknown-widget', `${kind} "${id}" is not registered on this server`);
  const offered = offeredBy(a, false);
  if (!offered) return stored; // an upvote on a board nobody defined yet (development)
  if (!stored.policy && !stored.questions) reg.onFirstUse?.(`${kind}:${id}`);
  return register(q, a, offered);
}

/** Whether the stored rules decide `a` (a quiz question must be among them). */
function covers(s: Stored, a: ServerAction): boolean {
  if (a.type === 'answer') return !!s.questions && Object.hasOwn(s.questions, a.question);
  return a.type === 'upvote' ? !!s.policy || !!s.questions : !!s.policy;
}

/**
 * The rules an action offers: a ballot's or a board's policy; for a quiz, `signed`, the whole quiz its
 * signature covers, otherwise (development) the one question with the key it carries.
 */
function offeredBy(a: ServerAction, signed: boolean): WidgetRules | undefined {
  if (a.type === 'vote' || a.type === 'idea') return { policy: a.policy } as WidgetRules;
  if (a.type !== 'answer') return undefined;
  if (signed) return a.quiz as WidgetRules | undefined;
  if (!a.key?.length) refuse('cannot-grade', 'this quiz question has no registered answer key');
  return { questions: { [a.question]: { ...a.policy, key: a.key! } } };
}

const storedRules = async (q: Queryable, kind: string, id: string) =>
  ((json((await q.query<{ config: unknown }>('select config from kolo_widgets where kind = $1 and id = $2', [kind, id]))[0]?.config) ?? {}) as Stored);

/**
 * Keep `offered` where nothing covers the action yet: a ballot's or a board's policy when it has none,
 * a quiz's questions it lacks (questions already there stay). Concurrent first uses: the first one
 * wins, and every action is judged by what was kept.
 */
async function register(q: Queryable, a: ServerAction, offered: WidgetRules): Promise<Stored> {
  const r = rulesSchemaOf(a.widget.kind).safeParse(offered);
  if (!r.success) refuse('invalid', `rules: ${r.error.issues[0]?.message ?? 'not valid for this kind'}`);
  const { kind, id } = a.widget;
  const quiz = 'questions' in offered;
  await q.query(
    `insert into kolo_widgets (kind, id, config) values ($1, $2, $3::jsonb) on conflict (kind, id) do update set config = ${
      quiz
        ? `coalesce(kolo_widgets.config, '{}'::jsonb) || jsonb_build_object('questions', (excluded.config->'questions') || coalesce(kolo_widgets.config->'questions', '{}'::jsonb))
           where kolo_widgets.config->'questions'->$4::text is null`
        : `coalesce(kolo_widgets.config, '{}'::jsonb) || excluded.config where kolo_widgets.config->'policy' is null`
    }`,
    quiz ? [kind, id, JSON.stringify(offered), (a as { question: string }).question] : [kind, id, JSON.stringify(offered)],
  );
  const kept = await storedRules(q, kind, id);
  if (!covers(kept, a)) refuse('cannot-grade', 'this quiz question is not in its definition');
  return kept;
}
