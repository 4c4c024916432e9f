/**
 * The step every action goes through: the idempotency record (a retried id answers as it did the
 * first time), the ban check, rate limits and slow mode, one transaction for the family's rules,
 * then the answer and the live notice. Refusals are remembered with their answer, except a rate
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
import { limit, slowMode, type Limits } from './limits.ts';
import { Replay, claim, priorOf, record, replay, type Prior } from './replay.ts';

const UNREGISTERED = new Set(['unknown-widget', 'bad-signature']);

export interface ActionContext {
  /** salted hash of the client's IP address (the address itself is never stored) */
  ipHash: string;
}

/**
 * What every action checks first, in one round trip: the id's record; a ban of the voter, of the
 * address, or of a voter who acted from this address in the 24 hours before the ban, for voter ids
 * first seen after the ban (a new voter id does not walk past a ban; people who were already there,
 * e.g. an office sharing the address, are not refused for it: an action record (kept 48 hours), a
 * ballot or an idea from before the ban says so); and, in slow mode, the seconds since
 * this voter's or this address's last action.
 */
async function precheck(db: Db, a: ServerAction, ipHash: string) {
  const [pre] = await db.query<{ prior: unknown; banned: boolean; slow: number | null; ago: number | null }>(
    `with w as (select slow_seconds as slow from kolo_widgets where kind = $2 and id = $3),
     ban as (select value, type, at from kolo_bans where until is null or until > now())
     select
       (select json_build_object('status', status, 'response', response, 'kind', kind, 'widget', widget, 'voter', voter) from kolo_actions where id = $1) as prior,
       exists(select 1 from ban where (type = 'voter' and value = $4) or (type = 'ip' and value = $5))
         or exists(select 1 from ban join kolo_actions x on x.voter = ban.value and x.ip_hash = $5 and x.at > greatest(ban.at, now()) - interval '24 hours'
                   where ban.type = 'voter' and not exists(select 1 from kolo_actions y where y.voter = $4 and y.at < ban.at)
                     and not exists(select 1 from kolo_ballots y where y.voter = $4 and y.at < ban.at)
                     and not exists(select 1 from kolo_ideas y where y.author = $4 and y.created_at < ban.at)) as banned,
       (select slow from w) as slow,
       case when (select slow from w) > 0 then extract(epoch from now() - greatest(
         (select max(at) from kolo_actions where kind = $2 and widget = $3 and voter = $4 and status in (0, 200)),
         (select max(at) from kolo_actions where kind = $2 and widget = $3 and ip_hash = $5 and status in (0, 200))))::float8 end as ago`,
    [a.id, a.widget.kind, a.widget.id, a.voter, ipHash],
  );
  return { prior: json(pre!.prior) as Prior | null, banned: pre!.banned, slow: pre!.slow ?? 0, ago: pre!.ago };
}

export function createAct(db: Db, o: Limits & { sweep: () => void; registration: Registration }) {
  const { sweep } = o;
  /** Apply an action once; notifies live listeners. */
  return async function act(a: ServerAction, ctx: ActionContext): Promise<Answered> {
    const { kind, id } = a.widget;
    const pre = await precheck(db, a, ctx.ipHash);
    if (pre.prior) return replay(db, a, pre.prior);
    try {
      if (pre.banned) refuse('banned', 'this voter or network is banned');
      slowMode(pre.slow, pre.ago);
      await limit(db, o, a, ctx.ipHash);
      sweep();
      await db.transaction(async (tx) => {
        await claim(tx, a, ctx.ipHash);
        await apply(tx, a, o.registration);
      });
      // after the commit (which kept the claimed id as applied): the answer and the live update
      const answered = { status: 200, body: await view(db, kind, id, a.voter) };
      // a board's notice names the idea (a new idea's id is its action's)
      await changed(db, kind, id, a.type === 'upvote' ? [a.idea] : a.type === 'idea' ? [a.id] : []);
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
