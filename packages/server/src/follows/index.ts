/**
 * Follow and notify: people who follow an idea or question by email are told when it changes. The
 * store wires this in when the server sends email: the followers' sink on the outbox, the `email` job
 * that sends, the retention job, and what the routes call.
 */
import type { Db } from '../db/types.ts';
import type { Sink } from '../events/publish.ts';
import type { Job } from '../jobs.ts';
import { follow, type FollowAsk } from './follow.ts';
import { confirm, unfollow, unfollowTarget } from './links.ts';
import type { Mailer } from './mailer.ts';
import { followersSink } from './notify.ts';
import { sendNotifications } from './send.ts';
import { expireFollows } from './expire.ts';

export function followers(db: Db, mail: Mailer, o: { sinks: Sink[]; jobs: Job[]; retentionDays: number }) {
  o.sinks.push(followersSink);
  // looked at every 5 s; a change waits the digest window anyway
  o.jobs.push({ name: 'email', every: 5_000, run: sendNotifications(db, mail) });
  o.jobs.push({ name: 'expire-follows', every: 3_600_000, run: () => expireFollows(db, o.retentionDays) });
  return {
    follow: (a: FollowAsk) => follow(db, a),
    confirm: (token: string) => confirm(db, token),
    target: (token: string) => unfollowTarget(db, token),
    unfollow: (token: string) => unfollow(db, token),
    mail,
  };
}
