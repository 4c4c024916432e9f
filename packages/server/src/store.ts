/**
 * Everything the server does, bound to one database: what the routes call, and what `KoloServer.store`
 * offers the demo and the tests. Each operation lives in its own module; this only wires them.
 */
import type { Db } from './db/types.ts';
import { createAct } from './actions/act.ts';
import { formTokens, timedByServer } from './actions/form-token.ts';
import { expireRecords, sweeper, type Limits } from './actions/limits.ts';
import { merge, moderate, type Moderation } from './actions/ideas.ts';
import { ban, bans, unban, type Ban } from './admin/bans.ts';
import { allIdeas, boardIdeas, queueIdeas } from './admin/ideas.ts';
import { siteMetrics, type MetricsQuery } from './admin/metrics.ts';
import { stopWords } from './admin/stop-words.ts';
import { auditCsv, auditPage, expireAudit, record } from './admin/audit.ts';
import { snapshots } from './admin/snapshots.ts';
import { createToken, memberOf, revokeToken, tokens, type Member } from './admin/tokens.ts';
import type { Role } from '@kolo/core';
import { define, seed, settings, widgets, type Seed, type Settings } from './admin/widgets.ts';
import type { ImportIdea, WebhookCreate, WidgetDefinition } from '@kolo/core';
import { importIdeas } from './admin/import.ts';
import { changed } from './live.ts';
import { expireSignals, recordSignals, withinBudget, type Signal, type SignalLimits } from './signals.ts';
import { similarView, view } from './view.ts';
import type { PageQuery } from './boards/page.ts';
import { eventLog, expireEvents, type Sink } from './events/publish.ts';
import { announceClosings } from './events/poll-closed.ts';
import type { Job } from './jobs.ts';
import { createWebhook, deleteWebhook, setWebhookActive, urlProblem, webhooks } from './webhooks/hooks.ts';
import { deliveriesPage, expireDeliveries, replayDelivery, webhookSink } from './webhooks/deliveries.ts';
import { sendWebhooks } from './webhooks/send.ts';
import { announceBreaches } from './service/breached.ts';
import { withClocks, type Timed } from './service/clock.ts';
import { service, setService } from './service/settings.ts';
import { usualReplies } from './service/usual.ts';
import type { Service } from '@kolo/core';
import { carryOver, expireLinks } from './identity/links.ts';
import { whoActs } from './identity/policy.ts';
import type { Identity } from './identity/verify.ts';
import { changelogView } from './changelog/page.ts';
import type { ChangelogCursor } from './changelog/cursor.ts';
import { take, type Ask } from './actions/limits.ts';
import type { Mailer } from './follows/mailer.ts';
import { followers } from './follows/index.ts';

export interface StoreOptions extends Limits, SignalLimits {
  /** signals older than this many days are deleted (bounded retention) */
  signalRetentionDays?: number | undefined;
  /** audit entries (and revoked tokens) older than this many days are deleted */
  auditRetentionDays?: number | undefined;
  /** the salt of IP hashes; form tokens are signed with a key derived from it */
  ipSalt: string;
  /** production: only registered (or validly signed) widgets take actions */
  production: boolean;
  /** the secret of signed widget definitions */
  signingSecret?: string | undefined;
  /** days recorded events (the outbox) are kept */
  eventRetentionDays?: number | undefined;
  /** webhooks (./webhooks/): the wait after a first failed attempt (ms, ×4 each time), attempts before giving up, an attempt's time-out (ms), days deliveries are kept */
  webhookRetryBaseMs?: number | undefined;
  webhookMaxAttempts?: number | undefined;
  webhookTimeoutMs?: number | undefined;
  webhookLogDays?: number | undefined;
  /** plain http receivers allowed anywhere (otherwise only to localhost in development) */
  webhookAllowHttp?: boolean | undefined;
  /** each webhook attempt's outcome (the metrics) */
  onWebhookOutcome?: ((outcome: 'delivered' | 'retry' | 'failed') => void) | undefined;
  /** where follow emails go (./follows/mailer.ts); without it following is off */
  mail?: Mailer | undefined;
  /** days sent notifications are kept */
  notificationRetentionDays?: number | undefined;
}

/** In development, a widget registered by its first action is logged once (at most 1,000 names are remembered). */
function firstUseLog() {
  const seen = new Set<string>();
  return (widget: string) => {
    if (seen.has(widget) || seen.size >= 1000) return;
    seen.add(widget);
    console.info(`kolo-server: ${widget} registered by its first action (development only; in production register it: admin API, console, \`kolo-server register\` or a signed definition)`);
  };
}

export function createStore(db: Db, o: StoreOptions) {
  if (o.signingSecret !== undefined && o.signingSecret.length < 32) throw new Error('the signing secret must be at least 32 characters (e.g. `openssl rand -base64 32`)');
  const expire = () => expireSignals(db, o.signalRetentionDays);
  const expireLog = () => expireAudit(db, o.auditRetentionDays);
  const forms = formTokens(o.ipSalt);
  // the consumers of events: each writes what it owes in the transaction that publishes the event
  const sinks: Sink[] = [webhookSink];
  const events = eventLog(sinks);
  // the server's own work (./jobs.ts): each consumer's sending, closings, pruning
  const jobs: Job[] = [
    // a look at every registered poll's closing time: twice a minute is soon enough to announce a closing
    { name: 'poll-closed', every: 30_000, run: announceClosings(db, events) },
    { name: 'sla-breached', every: 60_000, run: announceBreaches(db, events) },
    { name: 'expire-events', every: 3_600_000, run: () => expireEvents(db, o.eventRetentionDays ?? 30) },
    // anonymous → signed links go with the signals (a carry-over after that is safe: nothing is left to move twice)
    { name: 'expire-identity-links', every: 3_600_000, run: () => expireLinks(db, o.signalRetentionDays) },
    {
      name: 'webhooks',
      every: 1_000,
      run: sendWebhooks(db, { retryBaseMs: o.webhookRetryBaseMs ?? 10_000, maxAttempts: o.webhookMaxAttempts ?? 8, timeoutMs: o.webhookTimeoutMs ?? 5_000, onOutcome: o.onWebhookOutcome }),
    },
    { name: 'expire-webhook-deliveries', every: 3_600_000, run: () => expireDeliveries(db, o.webhookLogDays ?? 30) },
  ];
  const usualReply = usualReplies(db);
  /** `list` with each waiting item's reply clock at `asOf` (default now) */
  const clocked = async <T extends Timed>(list: T[], asOf?: string) => withClocks(list, await service(db), asOf ?? new Date().toISOString());
  // people who follow an item by email (./follows/): told of its changes when the server sends email
  const follows = o.mail && followers(db, o.mail, { sinks, jobs, retentionDays: o.notificationRetentionDays ?? 30 });
  const sweep = sweeper(db, () => Promise.all([expire(), expireLog()]));
  const carry = carryOver(db);
  const act = createAct(db, {
    carryOver: carry,
    ratePerVoter: o.ratePerVoter,
    ratePerIp: o.ratePerIp,
    sweep,
    registration: { closed: o.production, signingSecret: o.signingSecret, onFirstUse: firstUseLog() },
    events,
  });
  return {
    act: timedByServer(act, forms),
    /** a board's form token, for its answer to loading it */
    formToken: (kind: string, board: string) => forms.issue(kind, board),
    /** a widget's view; a board's holds the page `page` asks for (by default the first by upvotes) */
    load: (kind: string, id: string, voter: string, page?: PageQuery) => view(db, kind, id, voter, page),
    /**
     * Whose view a read with `identity` (a token's outcome) is, under the widget's identity policy: the
     * signed person's (what the browser did before moves to them first, once), the browser's, or a refusal.
     */
    reader: async (kind: string, id: string, voter: string, identity: Identity) => {
      // anyone may read a widget; only a token needs the policy (a `signed` widget shows a browser its results)
      const who = whoActs(identity ? await act.identityPolicy(kind, id) : 'either', voter, identity);
      if ('refused' in who || !who.signed) return who;
      await carry(voter, who.voter);
      return who;
    },
    /** a board's ideas like a title being typed */
    similar: (kind: string, board: string, voter: string, title: string) => similarView(db, kind, board, voter, title),
    changed: (kind: string, id: string) => changed(db, kind, id),
    /** a registered changelog and one page of its entries (undefined: not registered) */
    changelog: (id: string, limit: number, cursor?: ChangelogCursor) => changelogView(db, id, limit, cursor),
    /** store a batch within the budgets of `ipHash` (the client's address) and of each voter */
    signals: async (list: Signal[], ipHash: string) => {
      const { kept, dropped, retryAfter } = await withinBudget(db, o, list, ipHash);
      sweep();
      if (kept.length) await recordSignals(db, kept);
      return { stored: kept.length, dropped, retryAfter };
    },
    expireSignals: expire,
    /** delete expired buckets and idempotency records now (the actions do it every 500th time) */
    expireRecords: () => expireRecords(db),
    // the team
    moderate: (kind: string, board: string, idea: string, d: Moderation) => moderate(db, events, kind, board, idea, d),
    merge: (kind: string, board: string, from: string, into: string) => merge(db, kind, board, from, into),
    /** a page of a board's ideas for the team, each waiting one with its reply clock at `asOf` (./service/clock.ts) */
    ideas: async (kind: string, board: string, page: PageQuery, asOf?: string) => {
      const p = await boardIdeas(db, kind, board, page);
      return { ...p, ideas: await clocked(p.ideas, asOf) };
    },
    /** every board's items waiting for moderation with their reply clocks, the least time left first (or the newest) */
    queue: async (newest: boolean, asOf?: string) => clocked(await queueIdeas(db, newest), asOf),
    /** a batch of a big board's ideas (./admin/import.ts); how many were new */
    importIdeas: (kind: string, board: string, ideas: ImportIdea[]) => importIdeas(db, kind, board, ideas),
    allIdeas: () => allIdeas(db),
    widgets: () => widgets(db),
    // what changes a widget's rules makes this server forget its copy (other servers see the change in their next action's SQL)
    settings: (kind: string, id: string, s: Settings) => settings(db, kind, id, s).finally(() => act.forgetRules(kind, id)),
    define: (list: WidgetDefinition[]) => define(db, list).finally(() => list.forEach((d) => act.forgetRules(d.kind, d.id))),
    seed: (s: Seed) => seed(db, s).finally(() => act.forgetRules(s.kind, s.id)),
    bans: () => bans(db),
    ban: (b: Ban) => ban(db, b),
    unban: (type: string, value: string) => unban(db, type, value),
    stopWords: (lang: string, words?: string[]) => stopWords(db, lang, words).finally(() => words && act.forgetStopWords()),
    metrics: (q: MetricsQuery) => siteMetrics(db, q),
    // the team's service level (./service/): the reply target and working hours, a board's usual reply time
    service: () => service(db),
    setService: (s: Service) => setService(db, s),
    /** "We usually reply within N hours" of a board: N, or undefined with too few answers (kept a few minutes) */
    usualReply: (kind: string, board: string) => usualReply(kind, board),
    // the team (./admin/tokens.ts) and its audit log (./admin/audit.ts)
    tokens: () => tokens(db),
    createToken: (name: string, role: Role) => createToken(db, name, role),
    revokeToken: (id: string) => revokeToken(db, id),
    /** who holds a named token (undefined: unknown or revoked) */
    memberOf: (token: string) => memberOf(db, token),
    audit: (who: Member, action: string, target: string, before: unknown, after: unknown) => record(db, who, action, target, before, after),
    auditPage: (limit: number, before?: number) => auditPage(db, limit, before),
    auditCsv: () => auditCsv(db),
    /** delete audit entries and revoked tokens past the retention now (the actions do it every 500th time) */
    expireAudit: expireLog,
    snapshots: snapshots(db),
    // webhooks (./webhooks/)
    webhooks: () => webhooks(db),
    /** why `url` may not receive webhooks on this server, if it may not */
    webhookUrlProblem: (url: string) => urlProblem(url, { production: o.production, allowHttp: o.webhookAllowHttp ?? false }),
    createWebhook: (w: WebhookCreate) => createWebhook(db, w),
    setWebhookActive: (id: string, active: boolean) => setWebhookActive(db, id, active),
    deleteWebhook: (id: string) => deleteWebhook(db, id),
    deliveries: (webhook: string, limit: number, before?: number) => deliveriesPage(db, webhook, limit, before),
    replayDelivery: (webhook: string, id: string) => replayDelivery(db, webhook, id),
    /** the outbox (./events/publish.ts) */
    events,
    /** following by email (./follows/), undefined when the server sends no email */
    follows,
    /** take from budgets (./actions/limits.ts) */
    take: (asks: Ask[]) => take(db, asks),
    /** what the server runs on its own clock (server.ts starts them) */
    jobs,
  };
}

export type Store = ReturnType<typeof createStore>;
