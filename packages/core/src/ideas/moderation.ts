/**
 * Moderation for the adapters that keep data themselves (memory, local): a moderator's change to an
 * idea's status and public answer. Kept apart from `ideaRules`: only `moderateIdea` teaches an
 * adapter these (a page with an idea form or board alone does not carry them). The server takes
 * moderation only through its authenticated admin API.
 */
import { IDEA_STATUSES } from '../contract/statuses.ts';
import { idRecord } from '../contract/records.ts';
import { refuse } from '../contract/errors.ts';
import type { ModerateAction } from '../contract/actions.ts';
import type { BallotBox, BoxRules, Seed } from '../adapters/box.ts';
import { safeUrl } from '../signals/utm.ts';
import type { StoredIdea } from './stored.ts';

/** The idea with this id, copied from the seed into the box when a moderator first touches it. */
function find(box: BallotBox, id: string, seed?: Seed): StoredIdea | undefined {
  const own = box.ideas?.[id];
  if (own) return own;
  const seeded = seed?.ideas?.find((i) => i.id === id);
  if (seeded) return ((box.ideas ??= idRecord())[id] = { ...seeded, author: '' });
}

function moderate(box: BallotBox, a: ModerateAction, seed?: Seed): boolean {
  if (!(IDEA_STATUSES as readonly string[]).includes(a.status)) refuse('invalid-status', `unknown status "${a.status}"`);
  if (a.link && !safeUrl(a.link)) refuse('invalid-link', 'the announcement link must be an http(s) or relative link');
  const idea = find(box, a.idea, seed);
  if (!idea) return refuse('not-found', `no idea "${a.idea}"`);
  idea.status = a.status;
  for (const k of ['answer', 'link', 'reason'] as const) {
    const v = a[k]?.trim();
    if (v) idea[k] = v;
    else if (a[k] !== undefined) delete idea[k];
  }
  return true;
}

/** Moderation of idea boards, for a memory or local adapter's `addRules` beside `ideaRules` (`moderateIdea` gives both). */
export const ideaModerationRules: BoxRules = {
  apply: (box, action, _now, seed) => (action.type === 'moderate' ? moderate(box, action, seed) : undefined),
  view() {},
  revive() {},
};
