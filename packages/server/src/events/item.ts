/** An idea or question as events show it: public fields only, never the author's id or contact. */
import type { EventItem, IdeaStatus } from '@kolo/core';
import type { Row } from '../db/types.ts';

/** the columns `eventItem` reads, for a `select` or `returning` */
export const ITEM_COLUMNS = 'id, title, status, answer, link, reason, votes';

export function eventItem(r: Row): EventItem {
  const item: EventItem = { id: String(r.id), title: String(r.title), status: r.status as IdeaStatus, votes: Number(r.votes ?? 0) };
  for (const k of ['answer', 'link', 'reason'] as const) if (r[k]) item[k] = String(r[k]);
  return item;
}
