/**
 * What "waiting" means: an idea or question the team has not responded to yet: pending moderation, or
 * public (`review`) with no first response (no status change, answer or merge), and not merged. Such
 * an item's clock runs in working hours from its submission (core `replyClock`).
 */
import { replyClock, type IdeaStatus, type ReplyClock, type Service } from '@kolo/core';

/** the SQL condition of a waiting item (the `kolo_ideas_unanswered` index of migration 0016 holds it) */
export const WAITING = `first_response_at is null and merged_into is null and status in ('pending', 'review')`;

export interface Timed {
  status: IdeaStatus;
  createdAt: string;
  firstResponseAt?: string;
  mergedInto?: string;
}

const isWaiting = (i: Timed) => !i.firstResponseAt && !i.mergedInto && (i.status === 'pending' || i.status === 'review');

/** `items` with each waiting one's clock at `now` (the others as they are). */
export function withClocks<T extends Timed>(items: T[], s: Service, now: string): (T | (T & ReplyClock))[] {
  return items.map((i) => (isWaiting(i) ? { ...i, ...replyClock(i.createdAt, now, s) } : i));
}
