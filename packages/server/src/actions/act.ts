/**
 * The step every action goes through, as one statement, one round trip and one commit: a family's SQL
 * function (migration 0007) does the idempotency record (a retried id answers as it did the first
 * time), the ban check, slow mode, the rate limits, the family's step, its counters and the answer.
 * Core's rules decide in JavaScript before the call, with the registered rules and stop words kept in
 * this process; the SQL checks they were current (else `stale`: read again, decide again). Refusals
 * are remembered with their answer, except a rate limit, which a later retry may pass, and an
 * unregistered widget, which nothing is stored for.
 */
import { KoloError, identityPolicyOf, type ServerAction } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { json } from '../db/values.ts';
import { refusal, type Answered } from '../http/errors.ts';
import { changed } from '../live.ts';
import { dataRefusal } from '../db/errors.ts';
import { checkKind, familyArgs, refusedArgs, statementOf } from './apply.ts';
import { covers, rulesCache, rulesOf, type Registration } from '../definitions/registry.ts';
import type { Limits } from './limits.ts';
import { stopWordsCache } from './ideas.ts';
import { record } from './replay.ts';
import type { Events } from '../events/publish.ts';
import { ITEM_COLUMNS, eventItem } from '../events/item.ts';

/**
 * Publish `idea.submitted` for an idea just stored. The idea is already committed (its family's SQL
 * function is one statement), so a failure here is logged and the idea still answered as accepted.
 */
async function submitted(db: Db, events: Events, kind: string, board: string, idea: string) {
  try {
    const [row] = await db.query(`select ${ITEM_COLUMNS} from kolo_ideas where kind = $1 and board = $2 and id = $3`, [kind, board, idea]);
    if (row) await events.publish(db, 'idea.submitted', { kind: kind as 'ideas' | 'questions', board, item: eventItem(row) });
  } catch (e) {
    console.error(`kolo-server: idea.submitted for ${kind}:${board} was not recorded: ${(e as Error).message}`);
  }
}
import type { Identity } from '../identity/verify.ts';
import type { CarryOver } from '../identity/links.ts';
import { whoActs } from '../identity/policy.ts';

const UNREGISTERED = new Set(['unknown-widget', 'bad-signature']);

export interface ActionContext {
  /** salted hash of the client's IP address (the address itself is never stored) */
  ipHash: string;
  /** the `Kolo-Identity` token's outcome: none, a signed voter id, or why it is refused */
  identity?: Identity;
}

/** What a family's function answers: the status and body, whether it was applied now, or that the rules or stop words read were not current. */
type Outcome = Answered & { applied?: boolean; stale?: 'rules' | 'words' };

/** The KoloError `e` is (a refusal of the rules, or data the database refuses), else undefined. */
const refusedBy = (e: unknown) => (e instanceof KoloError ? e : dataRefusal(e));

export function createAct(db: Db, o: Limits & { sweep: () => void; registration: Registration; events: Events; carryOver: CarryOver }) {
  const rules = rulesCache(db);
  const words = stopWordsCache(db);

  /** The action's call: core's decision (or refusal) under the rules and stop words as this server knows them. */
  async function decide(a: ServerAction) {
    const { kind, id } = a.widget;
    let registered = await rules.get(kind, id);
    const stop = a.type === 'idea' ? await words.get() : undefined;
    try {
      checkKind(a);
      // the registered rules, never the action's own (except where a signature or development registers them)
      if (!covers(registered.rules, a)) registered = rules.keep(kind, id, await rulesOf(db, a, o.registration, registered));
      return { tag: registered.tag, policy: identityPolicyOf(registered.rules), refused: null, args: familyArgs(a, registered.rules, stop) };
    } catch (e) {
      const refused = refusedBy(e);
      if (!refused) throw e;
      return { tag: registered.tag, policy: identityPolicyOf(registered.rules), refused, args: refusedArgs(a, stop) };
    }
  }

  /** Apply an action once; notifies live listeners. */
  async function act(given: ServerAction, ctx: ActionContext): Promise<Answered> {
    const { kind, id } = given.widget;
    o.sweep();
    for (let attempt = 0; ; attempt++) {
      const { tag, policy, refused, args } = await decide(given);
      // who acts: the browser, or the signed person (whom the browser's earlier actions move to, once)
      const who = whoActs(policy, given.voter, ctx.identity);
      if ('refused' in who) return who.refused;
      if (who.signed) await o.carryOver(given.voter, who.voter);
      const a = who.voter === given.voter ? given : { ...given, voter: who.voter };
      // a limit may pass later, and a widget may be registered later: neither is remembered (nor stored for nothing)
      const remember = !refused || (refused.code !== 'rate-limited' && !UNREGISTERED.has(refused.reason));
      let out: Outcome;
      try {
        const params = [a.id, kind, id, a.voter, ctx.ipHash, tag, o.ratePerIp, o.ratePerVoter, refused && JSON.stringify(refusal(refused)), remember, ...args];
        out = json((await db.query<{ r: unknown }>(statementOf(a.type), params, { prepare: true }))[0]!.r) as Outcome;
      } catch (e) {
        // data the database cannot keep: nothing was applied; remembered as refused
        const bad = dataRefusal(e);
        if (!bad) throw e;
        const answered = refusal(bad);
        await record(db, a, ctx.ipHash, answered);
        return answered;
      }
      if (out.stale) {
        if (attempt >= 3) throw new Error(`the ${out.stale} of ${kind}:${id} keep changing`);
        if (out.stale === 'words') words.forget();
        else rules.forget(kind, id);
        continue;
      }
      if (out.applied) await changed(db, kind, id, a.type === 'idea' ? [a.id] : a.type === 'upvote' ? [a.idea] : []);
      if (out.applied && a.type === 'idea') await submitted(db, o.events, kind, id, a.id);
      return { status: out.status, body: out.body };
    }
  }

  return Object.assign(act, {
    /** forget a widget's kept rules (the team changed them on this server) */
    forgetRules: (kind: string, id: string) => rules.forget(kind, id),
    /** forget the kept stop words (the team changed them on this server) */
    forgetStopWords: () => words.forget(),
    /** a widget's identity policy, from its registered rules (kept in this process like them) */
    identityPolicy: async (kind: string, id: string) => identityPolicyOf((await rules.get(kind, id)).rules),
  });
}
