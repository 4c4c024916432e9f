/**
 * The step every action goes through: the idempotency record (a retried id answers as it did the
 * first time), the ban check, rate limits and slow mode, one transaction for the family's rules,
 * then the answer, remembered, and the live notice. Refusals are remembered too, except a rate
 * limit, which a later retry may pass, and an unregistered widget, which nothing is stored for.
 */
import { KoloError, refuse } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { json } from '../db/values.ts';
import { refusal, type Answered } from '../http/errors.ts';
import type { ServerAction } from '@kolo/core';
import { changed } from '../live.ts';
import { view } from '../view.ts';
import { dataRefusal } from '../db/errors.ts';
import { apply } from './apply.ts';
import type { Registration } from '../definitions/registry.ts';
import { limit, sweeper, type Limits } from './limits.ts';
import { Replay, claim, priorOf, record, replay, type Prior } from './replay.ts';

const UNREGISTERED = new Set(['unknown-widget', 'bad-signature']);

export interface ActionContext {
  /** salted hash of the client's IP address (the address itself is never stored) */
  ipHash: string;
}

/** What every action checks first, in one round trip: the id's record, a ban, the widget's slow mode. */
async function precheck(db: Db, a: ServerAction, ipHash: string) {
  const [pre] = await db.query<{ prior: unknown; banned: boolean; slow: number | null }>(
    `select
       (select json_build_object('status', status, 'response', response, 'kind', kind, 'widget', widget, 'voter', voter) from kolo_actions where id = $1) as prior,
       exists(select 1 from kolo_bans where ((type = 'voter' and value = $4) or (type = 'ip' and value = $5)) and (until is null or until > now())) as banned,
       (select slow_seconds from kolo_widgets where kind = $2 and id = $3) as slow`,
    [a.id, a.widget.kind, a.widget.id, a.voter, ipHash],
  );
  return { prior: json(pre!.prior) as Prior | null, banned: pre!.banned, slow: pre!.slow ?? 0 };
}

export function createAct(db: Db, o: Limits & { expireSignals: () => Promise<unknown>; registration: Registration }) {
  const sweep = sweeper(db, o.expireSignals);
  /** Apply an action once; notifies live listeners. */
  return async function act(a: ServerAction, ctx: ActionContext): Promise<Answered> {
    const { kind, id } = a.widget;
    const pre = await precheck(db, a, ctx.ipHash);
    if (pre.prior) return replay(db, a, pre.prior);
    try {
      if (pre.banned) refuse('banned', 'this voter or network is banned');
      await limit(db, o, a, ctx.ipHash, pre.slow);
      sweep();
      await db.transaction(async (tx) => {
        await claim(tx, a, ctx.ipHash);
        await apply(tx, a, o.registration);
      });
      // after the commit: the answer, remembered for retries, and the live update
      const answered = { status: 200, body: await view(db, kind, id, a.voter) };
      await record(db, a, ctx.ipHash, answered);
      await changed(db, kind, id);
      return answered;
    } catch (e) {
      if (e instanceof Replay) return replay(db, a, (await priorOf(db, a.id))!);
      const refused = e instanceof KoloError ? e : dataRefusal(e);
      if (!refused) throw e;
      const answered = refusal(refused);
      // a limit may pass later, and a widget may be registered later: neither is remembered (nor stored for nothing)
      if (refused.code !== 'rate-limited' && !UNREGISTERED.has(refused.reason)) await record(db, a, ctx.ipHash, answered);
      return answered;
    }
  };
}
