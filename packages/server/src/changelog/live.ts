/**
 * A changelog on the live path (../live.ts): its update is its first page, computed once per change
 * for every stream following it; the boards it covers are kept with its channel, so a change notice
 * of one of them (the team marking an idea done, answering a question) marks the changelog changed.
 */
import { LIMITS, type View, type WidgetRef } from '@kolo/core';
import type { Queryable } from '../db/types.ts';
import { changelogView } from './page.ts';

/** What a live channel keeps of a changelog. */
export interface Covering {
  widget: WidgetRef;
  /** the boards its last computation covered */
  boards?: string[];
  frame?: Uint8Array;
}

/** The changelog's first page now (an unregistered one: empty), remembering the boards it covers. */
export async function changelogUpdate(q: Queryable, ch: Covering): Promise<View> {
  const found = await changelogView(q, ch.widget.id, LIMITS.changelogPage);
  ch.boards = found?.changelog.boards ?? [];
  return found?.view ?? { counts: {}, voters: 0, mine: [], entries: [] };
}

/** The keys of the channels whose changelog covers `board`. */
export const covering = (channels: Map<string, Covering>, board: string): string[] => [...channels].filter(([, ch]) => ch.boards?.includes(board)).map(([key]) => key);

/** Whether a changelog's new frame says what its last one said (an upvote on a covered board changes nothing in it): not sent again. */
export const unchanged = (ch: Covering, frame: Uint8Array): boolean =>
  ch.widget.kind === 'changelog' && !!ch.frame && ch.frame.length === frame.length && ch.frame.every((b, i) => b === frame[i]);
