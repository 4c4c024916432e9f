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

export type Stored = { policy?: unknown; questions?: Record<string, QuizQuestionRules>; identity?: unknown };

/** A widget's registered rules as read, with their tag (md5 of the stored config; null: none stored), which an action's SQL checks. */
export interface Registered {
  rules: Stored;
  tag: string | null;
}

/**
 * The rules `a` is judged by, given what is `stored`; registers them first when a signature or (in
 * development) first use allows.
 */
export async function rulesOf(q: Queryable, a: ServerAction, reg: Registration, stored: Registered): Promise<Registered> {
  const { kind, id } = a.widget;
  if (covers(stored.rules, a)) return stored;
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
  if (reg.closed && stored.rules.questions) refuse('cannot-grade', 'this quiz question is not registered');
  if (reg.closed) refuse('unknown-widget', `${kind} "${id}" is not registered on this server`);
  const offered = offeredBy(a, false);
  if (!offered) return stored; // an upvote on a board nobody defined yet (development)
  if (!stored.rules.policy && !stored.rules.questions) reg.onFirstUse?.(`${kind}:${id}`);
  return register(q, a, offered);
}

/** Whether the stored rules decide `a` (a quiz question must be among them). */
export function covers(s: Stored, a: ServerAction): boolean {
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

/** A widget's registered rules and their tag, read now. */
export async function storedRules(q: Queryable, kind: string, id: string): Promise<Registered> {
  const [row] = await q.query<{ config: unknown; tag: string | null }>('select config, md5(config::text) as tag from kolo_widgets where kind = $1 and id = $2', [kind, id]);
  return { rules: (json(row?.config) ?? {}) as Stored, tag: row?.tag ?? null };
}

/**
 * Registered rules kept in this process, so an action needs no read of them. A kept copy is never
 * trusted blindly: each action's SQL compares its tag with the stored config's (md5) and answers
 * `stale` when another server (or the team, or an operator's SQL) changed them, and the action is
 * decided again on a fresh read. So no notice or time-out is needed between servers; this server's
 * own admin paths forget a widget when they change it (one read saved). Widgets without rules are
 * not kept (in production they are refused, and a registration elsewhere must be seen at once).
 */
export function rulesCache(q: Queryable, size = 10_000) {
  const kept = new Map<string, Registered>();
  const keyOf = (kind: string, id: string) => `${kind}:${id}`;
  return {
    async get(kind: string, id: string): Promise<Registered> {
      return kept.get(keyOf(kind, id)) ?? this.keep(kind, id, await storedRules(q, kind, id));
    },
    keep(kind: string, id: string, r: Registered): Registered {
      if (kept.size >= size) kept.clear();
      if (r.tag !== null) kept.set(keyOf(kind, id), r);
      return r;
    },
    forget(kind: string, id: string) {
      kept.delete(keyOf(kind, id));
    },
  };
}
export type RulesCache = ReturnType<typeof rulesCache>;

/**
 * Keep `offered` where nothing covers the action yet: a ballot's or a board's policy when it has none,
 * a quiz's questions it lacks (questions already there stay). Concurrent first uses: the first one
 * wins, and every action is judged by what was kept.
 */
async function register(q: Queryable, a: ServerAction, offered: WidgetRules): Promise<Registered> {
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
  if (!covers(kept.rules, a)) refuse('cannot-grade', 'this quiz question is not in its definition');
  return kept;
}
