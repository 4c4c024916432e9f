/**
 * The first time a browser's anonymous voter id comes with a signed person's token, what that browser
 * did moves to the person, once, in one transaction (`kolo_carry_over`, migration 0013): so a ballot
 * made before signing in is kept and never counted twice. Live listeners of each changed widget are told.
 */
import { isSignedVoter } from '@kolo/core';
import type { Db } from '../db/types.ts';
import { json } from '../db/values.ts';
import { changed } from '../live.ts';

/**
 * Carry anonymous voters over to signed ones. Ids already linked (by this process) are remembered, so
 * a signed person's later actions cost no round trip; at most `size` are, then the memory starts over.
 */
export function carryOver(db: Db, size = 10_000) {
  const linked = new Set<string>();
  return async (anonymous: string, signed: string): Promise<void> => {
    if (anonymous === signed || isSignedVoter(anonymous) || linked.has(anonymous)) return;
    const touched = json((await db.query<{ t: unknown }>('select kolo_carry_over($1, $2) as t', [anonymous, signed]))[0]!.t) as [string, string, string?][] | null;
    if (linked.size >= size) linked.clear();
    linked.add(anonymous);
    if (!touched) return;
    // one notice per widget, with a board's ideas that changed
    const byWidget = new Map<string, { kind: string; id: string; ideas: Set<string> }>();
    for (const [kind, id, idea] of touched) {
      const w = byWidget.get(`${kind}:${id}`) ?? { kind, id, ideas: new Set<string>() };
      if (idea) w.ideas.add(idea);
      byWidget.set(`${kind}:${id}`, w);
    }
    for (const w of byWidget.values()) await changed(db, w.kind, w.id, [...w.ideas]);
  };
}
export type CarryOver = ReturnType<typeof carryOver>;

/** Delete links older than the signals' retention: a later sign-in carries that browser over again (safely). */
export const expireLinks = (db: Db, days = 400) => db.query(`delete from kolo_identity_links where at < now() - make_interval(days => $1)`, [days]);
