import { STORAGE } from '../contract/storage.ts';
import { safeStorage } from '../device/storage.ts';

const DAY = 24 * 3600 * 1000;

/**
 * Until when this person hid something (a help banner): an ISO date-time, or null when it is not
 * hidden (never hidden, or the snooze is over). Kept per browser.
 */
export function hiddenUntil(id: string, now = Date.now(), storage: Storage = safeStorage()): string | null {
  const until = storage.getItem(STORAGE.hidden(id));
  return until && Date.parse(until) > now ? until : null;
}

/** Hide `id` for `days` days from `now`; returns until when. */
export function hideFor(id: string, days: number, now = Date.now(), storage: Storage = safeStorage()): string {
  const until = new Date(now + days * DAY).toISOString();
  try {
    storage.setItem(STORAGE.hidden(id), until);
  } catch {
    /* storage full or blocked: hidden for this page view only */
  }
  return until;
}

/** Show `id` again (undo a hide). */
export function unhide(id: string, storage: Storage = safeStorage()): void {
  storage.removeItem(STORAGE.hidden(id));
}
