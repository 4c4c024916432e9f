/**
 * A changelog's page as an Atom 1.0 feed (RFC 4287). Everything people or the team wrote goes out as
 * escaped text (`type="text"`), never as HTML; a link only when it is a safe http(s) address.
 */
import { safeUrl, type View } from '@kolo/core';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text for XML: markup escaped, and characters XML 1.0 cannot hold dropped. */
export const xml = (s: string): string =>
  s.replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export interface FeedInfo {
  /** the address of this page of the feed (`rel="self"`) */
  self: string;
  /** the feed's address without a page: its id, and the base of its entries' ids */
  id: string;
  title: string;
  /** the address of the next page (RFC 5005 `rel="next"`) */
  next?: string | undefined;
}

/** An entry's id: the feed's address with the entry's board and id as its fragment (stable, unique). */
const entryId = (self: string, board: string, id: string) => `${self}#${encodeURIComponent(board)}/${encodeURIComponent(id)}`;

export function atomFeed(view: View, feed: FeedInfo): string {
  const entries = view.entries ?? [];
  const updated = entries[0]?.at ?? new Date(0).toISOString();
  const items = entries.map((e) => {
    // a relative link is the site's: the feed cannot tell which site, so only absolute http(s) links go out
    const href = e.link && /^https?:\/\//i.test(e.link.trim()) ? safeUrl(e.link)?.href : undefined;
    const link = href ? `\n    <link rel="alternate" href="${xml(href)}"/>` : '';
    return `  <entry>
    <id>${xml(entryId(feed.id, e.board, e.id))}</id>
    <title type="text">${xml(e.title)}</title>
    <updated>${xml(e.at)}</updated>${link}
    <content type="text">${xml(e.answer ?? e.title)}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${xml(feed.id)}</id>
  <title type="text">${xml(feed.title)}</title>
  <updated>${xml(updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${xml(feed.self)}"/>${feed.next ? `\n  <link rel="next" type="application/atom+xml" href="${xml(feed.next)}"/>` : ''}
  <generator>Kolo</generator>
${items.join('\n')}
</feed>
`;
}
