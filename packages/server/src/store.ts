/**
 * Kolo's rules in SQL: the same rules the memory and local adapters apply in the browser, enforced
 * here by the database: primary keys for one ballot / answer / upvote per voter, row locks and
 * transactions against concurrent duplicates, an action table for idempotency, counters for O(1) reads.
 */
import { KoloError, checkChoices, checkIdea, cleanDraft, isOpen, safeUrl, type Idea, type IdeaStatus, type SignalRow, type Tally } from '@kolo/core';
import type { Db, Queryable, Row } from './db/types.ts';
import type { ServerAction } from './protocol.ts';

export interface StoreOptions {
  /** signals older than this many days are deleted (bounded retention) */
  signalRetentionDays?: number;
  /** actions per voter per widget per minute */
  ratePerVoter: number;
  /** actions per IP hash per widget per minute */
  ratePerIp: number;
}

export interface ActionContext {
  /** salted hash of the client's IP address (the address itself is never stored) */
  ipHash: string;
}

export interface Answered {
  status: number;
  body: unknown;
}

const BOARDS = new Set(['ideas', 'questions']);
/** the counter of voters among a widget's counters (not a valid choice id) */
const VOTERS = '';
const SHARDS = 16;
const ADMIN_IDEA = 'id, title, details, category, contact, status, created_at, author, answer, link, reason, merged_into, first_response_at';
const reject = (reason: string, message: string): never => {
  throw new KoloError('rejected', reason, message);
};
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/** Counters are keyed by choice ids, which are data: `constructor` or `__proto__` must count like any other id. */
type Changes = Map<string, number>;
const change = (changes: Changes, choice: string, by: number) => changes.set(choice, (changes.get(choice) ?? 0) + by);

/** A JSON object of counters (`json_object_agg(choice, n)`) as counts, without a prototype, and voters. */
function splitVoters(aggregated: unknown): { counts: Record<string, number>; voters: number } {
  const counts: Record<string, number> = Object.create(null);
  let voters = 0;
  for (const [choice, n] of Object.entries((json(aggregated) as Record<string, number> | null) ?? {})) {
    if (choice === VOTERS) voters = n;
    else counts[choice] = n;
  }
  return { counts, voters };
}

/** Thrown inside a transaction when the same action id was applied concurrently: answer as stored. */
class Replay extends Error {}

export function createStore(db: Db, o: StoreOptions) {
  async function counts(q: Queryable, kind: string, widget: string) {
    const out = new Map<string, number>();
    for (const r of await q.query<{ choice: string; n: number }>('select choice, sum(n)::int as n from kolo_counts where kind = $1 and widget = $2 and choice <> $3 group by choice', [kind, widget, VOTERS])) {
      if (r.n > 0) out.set(r.choice, r.n);
    }
    return out;
  }

  /** The widget's tally as `voter` sees it (counters and voters from one statement, so they agree). */
  async function tally(q: Queryable, kind: string, widget: string, voter: string): Promise<Tally> {
    const [w] = await q.query<{ counts: unknown }>(
      `select json_object_agg(choice, n) as counts from (select choice, sum(n)::int as n from kolo_counts where kind = $1 and widget = $2 group by choice) c where n > 0`,
      [kind, widget],
    );
    const { counts, voters } = splitVoters(w?.counts);
    const t: Tally = { counts, voters, mine: [] };
    if (BOARDS.has(kind)) {
      t.mine = (await q.query<{ idea: string }>('select idea from kolo_upvotes where kind = $1 and board = $2 and voter = $3 order by idea', [kind, widget, voter])).map((r) => r.idea);
      const rows = await q.query(
        `select id, title, details, category, status, created_at, author, answer, link, reason from kolo_ideas
         where kind = $1 and board = $2 and merged_into is null and (status not in ('pending', 'rejected') or author = $3)
         order by created_at, id`,
        [kind, widget, voter],
      );
      t.ideas = rows.map(toIdea(voter));
      return t;
    }
    const [ballot] = await q.query<{ choices: unknown }>('select choices from kolo_ballots where kind = $1 and widget = $2 and voter = $3', [kind, widget, voter]);
    t.mine = ballot ? (json(ballot.choices) as string[]) : [];
    if (kind === 'quiz') {
      const answers = await q.query<{ question: string; choices: unknown; key: unknown; correct: boolean }>(
        'select question, choices, key, correct from kolo_answers where kind = $1 and widget = $2 and voter = $3',
        [kind, widget, voter],
      );
      if (answers.length) t.answers = Object.fromEntries(answers.map((a) => [a.question, { choices: json(a.choices) as string[], key: json(a.key) as string[], correct: a.correct }]));
    }
    return t;
  }

  /** An idea as the team sees it. */
  const adminIdea = (r: Row, votes: number) => ({
    ...toIdea('')(r),
    author: String(r.author),
    votes,
    ...(r.contact ? { contact: String(r.contact) } : {}),
    ...(r.merged_into ? { mergedInto: String(r.merged_into) } : {}),
    ...(r.first_response_at ? { firstResponseAt: iso(r.first_response_at) } : {}),
  });

  const toIdea =
    (voter: string) =>
    (r: Row): Idea => {
      const idea: Idea = { id: String(r.id), title: String(r.title), status: r.status as IdeaStatus, createdAt: iso(r.created_at), own: !!r.author && r.author === voter };
      for (const k of ['details', 'category', 'answer', 'link', 'reason'] as const) if (r[k]) idea[k] = String(r[k]);
      return idea;
    };

  /**
   * Add to counters. Each transaction picks one of SHARDS rows per counter at random, so concurrent
   * votes rarely wait for each other; rows go in a fixed order, so they never deadlock.
   */
  async function bump(q: Queryable, kind: string, widget: string, changes: Changes) {
    const shard = Math.floor(Math.random() * SHARDS);
    for (const choice of [...changes.keys()].sort()) {
      const n = changes.get(choice);
      if (!n) continue;
      await q.query(
        'insert into kolo_counts (kind, widget, choice, shard, n) values ($1, $2, $3, $4, $5) on conflict (kind, widget, choice, shard) do update set n = kolo_counts.n + excluded.n',
        [kind, widget, choice, shard, n],
      );
    }
  }

  /** The widget's registered settings; the first action registers its policy when none is (trust on first use). */
  async function widgetConfig(q: Queryable, kind: string, id: string, policy: unknown): Promise<{ config: Record<string, unknown>; slow: number }> {
    await q.query('insert into kolo_widgets (kind, id, config) values ($1, $2, $3) on conflict (kind, id) do nothing', [kind, id, policy ? JSON.stringify({ policy }) : null]);
    const [w] = await q.query<{ config: unknown; slow_seconds: number }>('select config, slow_seconds from kolo_widgets where kind = $1 and id = $2', [kind, id]);
    let config = (json(w?.config) as Record<string, unknown> | null) ?? {};
    if (policy && !config.policy) {
      await q.query(`update kolo_widgets set config = coalesce(config, '{}'::jsonb) || $3::jsonb where kind = $1 and id = $2`, [kind, id, JSON.stringify({ policy })]);
      config = { ...config, policy };
    }
    return { config, slow: w?.slow_seconds ?? 0 };
  }

  async function vote(q: Queryable, a: Extract<ServerAction, { type: 'vote' }>, policy: typeof a.policy) {
    const { kind, id } = a.widget;
    if (policy.closesAt && Date.now() >= Date.parse(policy.closesAt)) reject('closed', 'voting has closed');
    checkChoices(a.choices, policy.options, policy.multiple ? (policy.max ?? policy.options.length) : 1);
    const current = async () =>
      (await q.query<{ choices: unknown }>('select choices from kolo_ballots where kind = $1 and widget = $2 and voter = $3 for update', [kind, id, a.voter]))[0];
    let prev = await current();
    if (!prev && a.choices.length) {
      const inserted = await q.query('insert into kolo_ballots (kind, widget, voter, choices) values ($1, $2, $3, $4) on conflict do nothing returning voter', [kind, id, a.voter, JSON.stringify(a.choices)]);
      if (inserted.length) {
        await bump(q, kind, id, new Map([...a.choices.map((c) => [c, 1] as const), [VOTERS, 1]]));
        return;
      }
      // the same voter's ballot was inserted concurrently: continue as a change of it
      prev = await current();
    }
    const before = prev ? (json(prev.choices) as string[]) : [];
    if (before.length && !policy.change) reject('already-voted', 'this voter has already voted');
    if (!a.choices.length && !before.length) reject('invalid-choice', 'no choice given');
    if (a.choices.length) await q.query('update kolo_ballots set choices = $4, at = now() where kind = $1 and widget = $2 and voter = $3', [kind, id, a.voter, JSON.stringify(a.choices)]);
    else await q.query('delete from kolo_ballots where kind = $1 and widget = $2 and voter = $3', [kind, id, a.voter]);
    const changes: Changes = new Map();
    for (const c of before) change(changes, c, -1);
    for (const c of a.choices) change(changes, c, 1);
    change(changes, VOTERS, (a.choices.length ? 1 : 0) - (before.length ? 1 : 0));
    await bump(q, kind, id, changes);
  }

  async function answer(q: Queryable, a: Extract<ServerAction, { type: 'answer' }>, config: Record<string, unknown>) {
    const { kind, id } = a.widget;
    const questions = (config.questions ?? {}) as Record<string, { options: string[]; multiple: boolean; key: string[] }>;
    // own keys only: a question id such as `constructor` is not a property every object has
    let registered = Object.hasOwn(questions, a.question) ? questions[a.question] : undefined;
    if (!registered) {
      if (!a.key?.length) reject('cannot-grade', 'this quiz question has no registered answer key');
      registered = { ...a.policy, key: a.key! };
      await q.query(
        `update kolo_widgets set config = coalesce(config, '{}'::jsonb) || jsonb_build_object('questions', coalesce(config->'questions', '{}'::jsonb) || jsonb_build_object($3::text, $4::jsonb))
         where kind = $1 and id = $2`,
        [kind, id, a.question, JSON.stringify(registered)],
      );
    }
    checkChoices(a.choices, registered.options, registered.multiple ? registered.options.length : 1);
    const key = registered.key;
    const correct = a.choices.length === key.length && a.choices.every((c) => key.includes(c));
    const previous = async () =>
      (await q.query('select 1 from kolo_answers where kind = $1 and widget = $2 and voter = $3 and question = $4 for update', [kind, id, a.voter, a.question]))[0];
    if (!(await previous())) {
      const anyBefore = (await q.query('select 1 from kolo_answers where kind = $1 and widget = $2 and voter = $3 limit 1', [kind, id, a.voter])).length > 0;
      const inserted = await q.query(
        'insert into kolo_answers (kind, widget, voter, question, choices, key, correct, first) values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict do nothing returning voter',
        [kind, id, a.voter, a.question, JSON.stringify(a.choices), JSON.stringify(key), correct],
      );
      if (inserted.length) {
        await bump(q, kind, id, new Map([[`${a.question}:answered`, 1], [`${a.question}:correct`, correct ? 1 : 0], [VOTERS, anyBefore ? 0 : 1]]));
        return;
      }
      await previous();
    }
    // a later attempt: shown to the voter, statistics keep the first one
    await q.query('update kolo_answers set choices = $5, correct = $6 where kind = $1 and widget = $2 and voter = $3 and question = $4', [kind, id, a.voter, a.question, JSON.stringify(a.choices), correct]);
  }

  /** Serialise one voter's actions on one board (daily limit, first upvote). */
  const lockVoter = (q: Queryable, kind: string, board: string, voter: string) => q.query('select pg_advisory_xact_lock(hashtext($1))', [`${kind}:${board}:${voter}`]);

  async function submitIdea(q: Queryable, a: Extract<ServerAction, { type: 'idea' }>, policy: typeof a.policy) {
    const { kind, id: board } = a.widget;
    if (a.honeypot) reject('spam', 'this looks automated');
    // the fill time is measured on the sender's own clock (both times are theirs), so clock skew does not matter
    if (!(Date.parse(a.at) - Date.parse(a.startedAt) >= policy.minFillMs)) reject('too-fast', 'the form was sent too quickly after it was opened');
    await lockVoter(q, kind, board, a.voter);
    const recent = await q.query<{ created_at: unknown }>(
      `select created_at from kolo_ideas where kind = $1 and board = $2 and author = $3 and created_at > now() - interval '1 day' order by created_at desc`,
      [kind, board, a.voter],
    );
    if (recent.length >= policy.maxPerDay) {
      const oldest = Date.parse(iso(recent[policy.maxPerDay - 1]!.created_at));
      throw new KoloError('rate-limited', 'limit', `at most ${policy.maxPerDay} per day`, Math.max(1, Math.ceil((oldest + 864e5 - Date.now()) / 1000)));
    }
    const problems = Object.entries(checkIdea(a.idea, policy));
    if (problems.length) reject('invalid-idea', problems.map(([f, p]) => `${f}: ${p}`).join('; '));
    const draft = cleanDraft(a.idea);
    const words = (await q.query<{ word: string }>('select word from kolo_stop_words')).map((r) => r.word.toLowerCase());
    const text = ` ${`${draft.title} ${draft.details ?? ''}`.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    if (words.some((w) => text.includes(` ${w} `))) reject('stop-word', 'the text contains a word this site does not accept');
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

  async function upvoteAction(q: Queryable, a: Extract<ServerAction, { type: 'upvote' }>) {
    const { kind, id: board } = a.widget;
    const [idea] = await q.query<{ status: IdeaStatus; author: string }>('select status, author from kolo_ideas where kind = $1 and board = $2 and id = $3 and merged_into is null', [kind, board, a.idea]);
    if (!idea || ((idea.status === 'pending' || idea.status === 'rejected') && idea.author !== a.voter)) reject('not-found', `no idea "${a.idea}"`);
    if (!isOpen(idea!)) reject('closed', 'this idea is no longer open for upvotes');
    await upvote(q, kind, board, a.idea, a.voter, a.on);
  }

  /** Rate limits (per voter and per IP hash, per widget and minute) and slow mode; counted before the action, refused or not. */
  async function limit(a: ServerAction, ctx: ActionContext, slowSeconds: number) {
    const { kind, id } = a.widget;
    const voterKey = `v:${kind}:${id}:${a.voter}`;
    const rows = await db.query<{ key: string; n: number; wait: number }>(
      `insert into kolo_rate (key, window_start, n) values ($1, date_trunc('minute', now()), 1), ($2, date_trunc('minute', now()), 1)
       on conflict (key, window_start) do update set n = kolo_rate.n + 1
       returning key, n, (60 - extract(second from now()))::int as wait`,
      [voterKey, `ip:${kind}:${id}:${ctx.ipHash}`],
    );
    for (const r of rows) {
      if (r.n > (r.key === voterKey ? o.ratePerVoter : o.ratePerIp)) throw new KoloError('rate-limited', 'rate', 'too many actions; wait a moment', Math.max(1, r.wait));
    }
    if (slowSeconds > 0) {
      const [last] = await db.query<{ ago: number | null }>(
        `select extract(epoch from now() - max(at))::float8 as ago from kolo_actions where kind = $1 and widget = $2 and voter = $3 and status = 200`,
        [kind, id, a.voter],
      );
      if (last?.ago != null && last.ago < slowSeconds) throw new KoloError('rate-limited', 'slow-mode', `slow mode: one action every ${slowSeconds} s`, Math.ceil(slowSeconds - last.ago));
    }
  }

  let sweeps = 0;
  const sweep = () => {
    if (++sweeps % 500 !== 0) return;
    void db.query(`delete from kolo_rate where window_start < now() - interval '10 minutes'`).catch(() => {});
    void expireSignals().catch(() => {});
  };

  type Prior = { status: number; response: unknown; kind: string; widget: string; voter: string };
  const priorOf = async (id: string) =>
    (await db.query<Prior>('select status, response, kind, widget, voter from kolo_actions where id = $1', [id]))[0];

  /** The answer to an action id seen before: as stored, or (applied, answer not written yet) the tally now. */
  async function replay(a: ServerAction, prior: Prior): Promise<Answered> {
    if (prior.kind !== a.widget.kind || prior.widget !== a.widget.id || prior.voter !== a.voter) {
      return { status: 409, body: { error: { code: 'rejected', reason: 'id-reused', message: 'this action id was already used for another action' } } };
    }
    if (prior.status === 0) return { status: 200, body: await tally(db, a.widget.kind, a.widget.id, a.voter) };
    return { status: prior.status, body: json(prior.response) };
  }

  const refusal = (e: KoloError) => ({
    status: e.code === 'rate-limited' ? 429 : e.reason === 'banned' ? 403 : 409,
    body: { error: { code: e.code, reason: e.reason, message: e.message, ...(e.retryAfter ? { retryAfter: e.retryAfter } : {}) } },
  });

  /** Apply an action once (a retried id answers as it did the first time); notifies live listeners. */
  async function act(a: ServerAction, ctx: ActionContext): Promise<Answered> {
    const { kind, id } = a.widget;
    // one round trip for what every action checks first
    const [pre] = await db.query<{ prior: unknown; banned: boolean; slow: number | null }>(
      `select
         (select json_build_object('status', status, 'response', response, 'kind', kind, 'widget', widget, 'voter', voter) from kolo_actions where id = $1) as prior,
         exists(select 1 from kolo_bans where ((type = 'voter' and value = $4) or (type = 'ip' and value = $5)) and (until is null or until > now())) as banned,
         (select slow_seconds from kolo_widgets where kind = $2 and id = $3) as slow`,
      [a.id, kind, id, a.voter, ctx.ipHash],
    );
    if (pre!.prior) return replay(a, json(pre!.prior) as Prior);
    try {
      if (pre!.banned) throw new KoloError('rejected', 'banned', 'this voter or network is banned');
      await limit(a, ctx, pre!.slow ?? 0);
      sweep();
      await db.transaction(async (tx) => {
        const mine = await tx.query(
          `insert into kolo_actions (id, kind, widget, voter, ip_hash, status, response) values ($1, $2, $3, $4, $5, 0, 'null') on conflict (id) do nothing returning id`,
          [a.id, kind, id, a.voter, ctx.ipHash],
        );
        if (!mine.length) throw new Replay();
        const policy = 'policy' in a && a.type !== 'answer' ? a.policy : undefined;
        const { config } = await widgetConfig(tx, kind, id, policy);
        const registered = (config.policy ?? policy) as never;
        // counters (the rows every voter of a widget shares) are updated last, so they stay locked briefly
        if (a.type === 'vote') {
          if (BOARDS.has(kind) || kind === 'quiz') reject('wrong-kind', `a ${kind} does not take votes`);
          await vote(tx, a, registered);
        } else if (a.type === 'answer') {
          if (kind !== 'quiz') reject('wrong-kind', 'only a quiz takes answers');
          await answer(tx, a, config);
        } else {
          if (!BOARDS.has(kind)) reject('wrong-kind', `a ${kind} has no ideas`);
          if (a.type === 'idea') await submitIdea(tx, a, registered);
          else await upvoteAction(tx, a);
        }
      });
      // after the commit: the answer, remembered for retries, and the live update
      const t = await tally(db, kind, id, a.voter);
      await db.query('update kolo_actions set status = 200, response = $2 where id = $1 and status = 0', [a.id, JSON.stringify(t)]);
      await changed(kind, id);
      return { status: 200, body: t };
    } catch (e) {
      if (e instanceof Replay) return replay(a, (await priorOf(a.id))!);
      if (!(e instanceof KoloError)) throw e;
      const answered = refusal(e);
      // a refusal is remembered too (a retry answers the same), except a rate limit, which a later retry may pass
      if (e.code !== 'rate-limited') {
        await db.query(
          `insert into kolo_actions (id, kind, widget, voter, ip_hash, status, response) values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
          [a.id, kind, id, a.voter, ctx.ipHash, answered.status, JSON.stringify(answered.body)],
        );
      }
      return answered;
    }
  }

  const changed = (kind: string, id: string) => db.notify('kolo', `${kind}|${id}`);

  async function moderate(kind: string, board: string, idea: string, d: { status: IdeaStatus; answer?: string | undefined; link?: string | undefined; reason?: string | undefined }) {
    if (d.link && !safeUrl(d.link)) reject('invalid-link', 'the announcement link must be an http(s) or relative link');
    const rows = await db.query(
      `update kolo_ideas set status = $4,
         answer = case when $5::text is null then answer when $5 = '' then null else $5 end,
         link = case when $6::text is null then link when $6 = '' then null else $6 end,
         reason = case when $7::text is null then reason when $7 = '' then null else $7 end,
         first_response_at = coalesce(first_response_at, now())
       where kind = $1 and board = $2 and id = $3 returning id`,
      [kind, board, idea, d.status, d.answer?.trim() ?? null, d.link?.trim() ?? null, d.reason?.trim() ?? null],
    );
    if (!rows.length) reject('not-found', `no idea "${idea}"`);
    await changed(kind, board);
  }

  /** Merge a duplicate into another idea: every upvote moves over (a voter who upvoted both keeps one). */
  async function merge(kind: string, board: string, from: string, into: string) {
    if (from === into) reject('invalid-merge', 'an idea cannot be merged into itself');
    await db.transaction(async (tx) => {
      const found = await tx.query('select id from kolo_ideas where kind = $1 and board = $2 and id in ($3, $4) and merged_into is null for update', [kind, board, from, into]);
      if (found.length !== 2) reject('not-found', 'both ideas must exist and not be merged already');
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
    await changed(kind, board);
  }

  /** Bounded retention: delete signals older than the retention setting. */
  const expireSignals = () => db.query(`delete from kolo_signals where at < now() - make_interval(days => $1)`, [o.signalRetentionDays ?? 400]);

  return {
    act,
    expireSignals,
    /** What the metrics need for a time range: its signals, the ideas submitted in it, the quiz and FAQ-card answers given in it. */
    async metricRows(from: string, to: string) {
      const signals = await db.query(`select type, kind, widget, voter, at, data from kolo_signals where at >= $1 and at < $2 order by at`, [from, to]);
      const ideas = await db.query(`select kind, board, id, created_at, status, first_response_at from kolo_ideas where created_at >= $1 and created_at < $2 and merged_into is null`, [from, to]);
      // the quiz answers (first attempts) and "was this helpful?" answers given in the range, as counters
      const counters = await db.query<{ kind: string; widget: string; choice: string; n: number }>(
        `select 'quiz' as kind, widget, question || ':answered' as choice, count(*)::int as n from kolo_answers where kind = 'quiz' and at >= $1 and at < $2 group by widget, question
         union all
         select 'quiz', widget, question || ':correct', count(*)::int from kolo_answers where kind = 'quiz' and first and at >= $1 and at < $2 group by widget, question
         union all
         select 'faq', widget, c.choice, count(*)::int from kolo_ballots b cross join lateral jsonb_array_elements_text(b.choices) as c(choice)
           where kind = 'faq' and at >= $1 and at < $2 group by widget, c.choice`,
        [from, to],
      );
      return {
        signals: signals.map((r) => ({ type: r.type, kind: r.kind, widget: r.widget, voter: r.voter, at: iso(r.at), data: json(r.data) })) as SignalRow[],
        ideas: ideas.map((r) => ({ kind: String(r.kind), board: String(r.board), id: String(r.id), createdAt: iso(r.created_at), status: r.status as IdeaStatus, firstResponseAt: r.first_response_at ? iso(r.first_response_at) : null })),
        counters,
      };
    },
    changed,
    moderate,
    merge,
    load: (kind: string, id: string, voter: string) => tally(db, kind, id, voter),
    /** A board's ideas for the team, every status, with their authors' anonymous ids (for bans) and contacts. */
    async ideas(kind: string, board: string, status?: string) {
      const rows = await db.query(`select ${ADMIN_IDEA} from kolo_ideas where kind = $1 and board = $2 and ($3::text is null or status = $3) order by created_at, id`, [kind, board, status ?? null]);
      const c = await counts(db, kind, board);
      return rows.map((r) => adminIdea(r, c.get(String(r.id)) ?? 0));
    },
    /**
     * Every board's ideas and questions with kind, board and upvotes, in one query: all of them (by
     * board, then oldest first), or with `waiting` only those waiting for moderation, oldest first (the queue).
     */
    async allIdeas(waiting = false) {
      const rows = await db.query(
        `select kind, board, ${ADMIN_IDEA}, (select coalesce(sum(n), 0)::int from kolo_counts c where c.kind = i.kind and c.widget = i.board and c.choice = i.id) as votes
         from kolo_ideas i ${waiting ? `where status = 'pending' and merged_into is null order by created_at, id` : 'order by kind, board, created_at, id'}`,
      );
      return rows.map((r) => ({ kind: String(r.kind), board: String(r.board), ...adminIdea(r, Number(r.votes)) }));
    },
    /** Every widget the server knows: its counters, voters, slow mode, and for boards how many ideas wait. */
    async widgets() {
      const rows = await db.query(
        `select w.kind, w.id, w.slow_seconds, c.counts, i.total, i.pending from kolo_widgets w
         left join (select kind, widget, json_object_agg(choice, n order by choice) as counts from (select kind, widget, choice, sum(n)::int as n from kolo_counts group by kind, widget, choice) x where n <> 0 group by kind, widget) c
           on c.kind = w.kind and c.widget = w.id
         left join (select kind, board, count(*)::int as total, (count(*) filter (where status = 'pending'))::int as pending from kolo_ideas where merged_into is null group by kind, board) i
           on i.kind = w.kind and i.board = w.id
         order by w.kind, w.id`,
      );
      return rows.map((r) => {
        const { counts, voters } = splitVoters(r.counts);
        return {
          kind: String(r.kind),
          id: String(r.id),
          slowSeconds: Number(r.slow_seconds),
          voters,
          counts,
          ...(BOARDS.has(String(r.kind)) ? { ideas: Number(r.total ?? 0), pending: Number(r.pending ?? 0) } : {}),
        };
      });
    },
    async bans() {
      const rows = await db.query('select type, value, reason, until from kolo_bans order by type, value');
      return rows.map((r) => ({ type: String(r.type), value: String(r.value), ...(r.reason ? { reason: String(r.reason) } : {}), ...(r.until ? { until: iso(r.until) } : {}) }));
    },
    async settings(kind: string, id: string, s: { config?: Record<string, unknown> | undefined; slowSeconds?: number | undefined }) {
      await db.query('insert into kolo_widgets (kind, id) values ($1, $2) on conflict do nothing', [kind, id]);
      if (s.config) await db.query('update kolo_widgets set config = $3 where kind = $1 and id = $2', [kind, id, JSON.stringify(s.config)]);
      if (s.slowSeconds !== undefined) await db.query('update kolo_widgets set slow_seconds = $3 where kind = $1 and id = $2', [kind, id, s.slowSeconds]);
    },
    async ban(b: { type: string; value: string; reason?: string | undefined; until?: string | undefined }) {
      await db.query('insert into kolo_bans (type, value, reason, until) values ($1, $2, $3, $4) on conflict (type, value) do update set reason = excluded.reason, until = excluded.until', [b.type, b.value, b.reason ?? null, b.until ?? null]);
    },
    unban: (type: string, value: string) => db.query('delete from kolo_bans where type = $1 and value = $2', [type, value]),
    async stopWords(lang: string, words?: string[]) {
      if (words) {
        await db.transaction(async (tx) => {
          await tx.query('delete from kolo_stop_words where lang = $1', [lang]);
          for (const w of new Set(words.map((x) => x.trim().toLowerCase()).filter(Boolean))) await tx.query('insert into kolo_stop_words (lang, word) values ($1, $2)', [lang, w]);
        });
      }
      return (await db.query<{ word: string }>('select word from kolo_stop_words where lang = $1 order by word', [lang])).map((r) => r.word);
    },
    async signals(list: { type: string; widget: { kind: string; id: string }; voter: string; at: string; data?: unknown }[]) {
      await db.transaction(async (tx) => {
        for (const s of list) {
          await tx.query('insert into kolo_signals (type, kind, widget, voter, at, data) values ($1, $2, $3, $4, $5, $6)', [s.type, s.widget.kind, s.widget.id, s.voter, s.at, s.data ? JSON.stringify(s.data) : null]);
        }
      });
    },
    /** Starting numbers and ideas for a widget nobody has used yet (demo data, an import). */
    async seed(s: { kind: string; id: string; counts: Record<string, number>; voters?: number | undefined; ideas?: { id: string; title: string; status: string; createdAt: string; details?: string | undefined; category?: string | undefined; answer?: string | undefined; link?: string | undefined; reason?: string | undefined; firstResponseAt?: string | undefined }[] | undefined }) {
      return db.transaction(async (tx) => {
        const fresh = await tx.query('insert into kolo_widgets (kind, id) values ($1, $2) on conflict do nothing returning id', [s.kind, s.id]);
        if (!fresh.length) return false;
        const counts = new Map(Object.entries(s.counts));
        await bump(tx, s.kind, s.id, counts.set(VOTERS, s.voters ?? [...counts.values()].reduce((x, y) => x + y, 0)));
        for (const i of s.ideas ?? []) {
          await tx.query(
            `insert into kolo_ideas (kind, board, id, title, details, category, status, author, created_at, answer, link, reason, first_response_at) values ($1, $2, $3, $4, $5, $6, $7, '', $8, $9, $10, $11, $12)`,
            [s.kind, s.id, i.id, i.title, i.details ?? null, i.category ?? null, i.status, i.createdAt, i.answer ?? null, i.link ?? null, i.reason ?? null, i.firstResponseAt ?? null],
          );
        }
        return true;
      });
    },
  };
}

export type Store = ReturnType<typeof createStore>;
