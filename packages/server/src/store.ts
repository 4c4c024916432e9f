/**
 * Everything the server does, bound to one database: what the routes call, and what `KoloServer.store`
 * offers the demo and the tests. Each operation lives in its own module; this only wires them.
 */
import type { Db } from './db/types.ts';
import { createAct } from './actions/act.ts';
import { sweeper, type Limits } from './actions/limits.ts';
import { merge, moderate, type Moderation } from './actions/ideas.ts';
import { ban, bans, unban, type Ban } from './admin/bans.ts';
import { allIdeas, boardIdeas } from './admin/ideas.ts';
import { metricRows } from './admin/metric-rows.ts';
import { siteMetrics, type MetricsQuery } from './admin/metrics.ts';
import { stopWords } from './admin/stop-words.ts';
import { seed, settings, widgets, type Seed, type Settings } from './admin/widgets.ts';
import { changed } from './live.ts';
import { expireSignals, recordSignals, withinBudget, type Signal, type SignalLimits } from './signals.ts';
import { view } from './view.ts';

export interface StoreOptions extends Limits, SignalLimits {
  /** signals older than this many days are deleted (bounded retention) */
  signalRetentionDays?: number | undefined;
}

export function createStore(db: Db, o: StoreOptions) {
  const expire = () => expireSignals(db, o.signalRetentionDays);
  const sweep = sweeper(db, expire);
  return {
    act: createAct(db, { ratePerVoter: o.ratePerVoter, ratePerIp: o.ratePerIp, sweep }),
    load: (kind: string, id: string, voter: string) => view(db, kind, id, voter),
    changed: (kind: string, id: string) => changed(db, kind, id),
    /** store a batch within the budgets of `ipHash` (the client's address) and of each voter */
    signals: async (list: Signal[], ipHash: string) => {
      const { kept, dropped, retryAfter } = await withinBudget(db, o, list, ipHash);
      sweep();
      if (kept.length) await recordSignals(db, kept);
      return { stored: kept.length, dropped, retryAfter };
    },
    expireSignals: expire,
    // the team
    moderate: (kind: string, board: string, idea: string, d: Moderation) => moderate(db, kind, board, idea, d),
    merge: (kind: string, board: string, from: string, into: string) => merge(db, kind, board, from, into),
    ideas: (kind: string, board: string, status?: string) => boardIdeas(db, kind, board, status),
    allIdeas: (waiting = false) => allIdeas(db, waiting),
    widgets: () => widgets(db),
    settings: (kind: string, id: string, s: Settings) => settings(db, kind, id, s),
    seed: (s: Seed) => seed(db, s),
    bans: () => bans(db),
    ban: (b: Ban) => ban(db, b),
    unban: (type: string, value: string) => unban(db, type, value),
    stopWords: (lang: string, words?: string[]) => stopWords(db, lang, words),
    metricRows: (from: string, to: string) => metricRows(db, from, to),
    metrics: (q: MetricsQuery) => siteMetrics(db, q),
  };
}

export type Store = ReturnType<typeof createStore>;
