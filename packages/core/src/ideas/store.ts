import type { ReadableAtom } from 'nanostores';
import { toKoloError, type KoloError } from '../contract/errors.ts';
import type { Idea, View } from '../contract/views.ts';
import { mergeView } from '../contract/merge.ts';
import type { IdeaDraft } from '../contract/actions.ts';
import type { IdeaStatus } from '../contract/statuses.ts';
import type { KoloAdapter } from '../contract/adapter.ts';
import type { WidgetRef } from '../contract/widgets.ts';
import { ideaRules } from './rules.ts';
import { ideaModerationRules } from './moderation.ts';
import type { BoxRules, RuleAdapter } from '../adapters/box.ts';
import { randomId } from '../device/voter.ts';
import { ideaPolicy, ideaWidget, type IdeaBoardConfig } from './schema.ts';
import { createLoader, emptyView, withBallot } from '../voting/store.ts';

export interface IdeaView {
  status: 'loading' | 'ready' | 'error';
  /** upvotes per idea id (`counts`), this voter's upvotes (`mine`) and the visible `ideas` */
  tally: View;
  /** `submit` while an idea is on its way, or the id of the idea being upvoted */
  pending: string | null;
  error: KoloError | null;
  /**
   * The adapter answers the board a page at a time (a load answered a `next`): sort, filters and
   * search go to it, and `tally.ideas` are what it answered. Otherwise every idea is loaded, and a
   * widget sorts, filters and searches them itself.
   */
  paged?: boolean;
  /** another query's ideas, or the next page, are on their way */
  busy?: boolean;
  /** the ideas the adapter's `similar` found for the last title asked (in `tally`); absent without it */
  similar?: string[];
}

/** The anti-spam signals the form collects besides the fields. */
export interface SubmitMeta {
  honeypot: string;
  /** when the person first touched the form */
  startedAt: Date;
  /** the person ticked "I have read the community rules" */
  rulesAccepted?: boolean;
}

/** A moderator's change to an idea. */
export interface IdeaDecision {
  status: IdeaStatus;
  answer?: string;
  link?: string;
  reason?: string;
}

export interface IdeaStore {
  readonly widget: WidgetRef;
  readonly $view: ReadableAtom<IdeaView>;
  /** Send a new idea; resolves with it as stored (its status says whether it is public), else null. */
  submit(draft: IdeaDraft, meta: SubmitMeta): Promise<Idea | null>;
  /** Upvote (`on`) or take back; optimistic, rolled back when refused. Resolves true when accepted. */
  upvote(idea: string, on: boolean): Promise<boolean>;
  reload(): Promise<void>;
}

/** How long typing must pause before a search or a similar-ideas request goes out, ms. */
export const TYPING_PAUSE = 300;

/** What a store gives a part of it (`StorePart`); `$view` and `patch` once its loader is made. */
export interface StoreParts {
  adapter: KoloAdapter;
  widget: WidgetRef;
  voter: string;
  config: IdeaBoardConfig;
  /** a load's answer (the store keeps its form token) */
  loaded: (view: View) => void;
  $view: ReadableAtom<IdeaView>;
  patch: (p: Partial<IdeaView>) => void;
}

/** A part that adds methods to a store (a board's pages, a form's similar ideas), and maybe what its loader loads through. */
export type StorePart<X> = (parts: StoreParts) => X & { adapter?: Pick<KoloAdapter, 'load' | 'subscribe'> };

/** The view as it will be once `voter` has (`on`) or has not upvoted `idea` (a board's ballot is the voter's upvotes). */
export const withUpvote = (t: View, idea: string, on: boolean): View =>
  t.mine.includes(idea) === on ? t : { ...t, ...withBallot(t, on ? [...t.mine, idea] : t.mine.filter((x) => x !== idea)) };

const now = () => new Date().toISOString();

/** Memory and local adapters apply the idea rules (or moderation's) only once an idea widget (or `moderateIdea`) gives them. */
const learn = (adapter: KoloAdapter, rules: BoxRules) => (adapter as Partial<RuleAdapter>).addRules?.(rules);

/**
 * One voter's view of an idea board or AMA: loads, follows live updates, submits and upvotes;
 * with `part` (a board's `boardPages`, a form's `similarPart`), what that adds.
 */
export function createIdeaStore<X = object>(adapter: KoloAdapter, config: IdeaBoardConfig, voter: string, part?: StorePart<X>): IdeaStore & X {
  learn(adapter, ideaRules);
  const widget = ideaWidget(config);
  // a server's answer to loading the board carries a signed form token (live updates do not): keep the latest
  let form: string | undefined;
  const loaded = (t: View) => (form = t.form);
  const parts = { adapter, widget, voter, config, loaded } as StoreParts;
  const added = part?.(parts);
  const { $view, patch, reload } = createLoader<IdeaView>((added?.adapter ?? adapter) as KoloAdapter, widget, voter, {
    status: 'loading',
    tally: emptyView(),
    pending: null,
    error: null,
  }, loaded);
  Object.assign(parts, { $view, patch });

  async function submit(draft: IdeaDraft, meta: SubmitMeta): Promise<Idea | null> {
    const before = $view.get();
    if (before.status !== 'ready' || before.pending) return null;
    patch({ pending: 'submit', error: null });
    const id = randomId('i_');
    try {
      const tally = await adapter.send({
        type: 'idea',
        id,
        voter,
        widget,
        idea: draft,
        honeypot: meta.honeypot,
        startedAt: meta.startedAt.toISOString(),
        form,
        rulesAccepted: meta.rulesAccepted,
        policy: ideaPolicy(config),
        signature: config.signature,
        at: now(),
      });
      const after = mergeView(true, $view.get().tally, tally);
      patch({ tally: after, pending: null });
      return after.ideas?.find((i) => i.id === id) ?? null;
    } catch (e) {
      patch({ pending: null, error: toKoloError(e) });
      return null;
    }
  }

  async function upvote(idea: string, on: boolean): Promise<boolean> {
    const before = $view.get();
    if (before.status !== 'ready' || before.pending) return false;
    patch({ tally: withUpvote(before.tally, idea, on), pending: idea, error: null });
    try {
      const tally = await adapter.send({ type: 'upvote', id: randomId('a_'), voter, widget, idea, on, at: now() });
      // a server answers only this idea (a partial view): the rest of the board stays
      patch({ tally: mergeView(true, $view.get().tally, tally), pending: null });
      return true;
    } catch (e) {
      patch({ tally: before.tally, pending: null, error: toKoloError(e) });
      return false;
    }
  }

  return { ...added, widget, $view, submit, upvote, reload } as IdeaStore & X;
}

/**
 * Change an idea's status and public answer. Memory and local adapters accept this from the page
 * (a demo's admin action); a server takes it only through its authenticated admin API.
 */
export function moderateIdea(adapter: KoloAdapter, board: Pick<IdeaBoardConfig, 'id' | 'kind'>, idea: string, decision: IdeaDecision, voter = 'moderator'): Promise<View> {
  learn(adapter, ideaRules);
  learn(adapter, ideaModerationRules);
  return adapter.send({ type: 'moderate', id: randomId('a_'), voter, widget: ideaWidget(board), idea, ...decision, at: now() });
}
