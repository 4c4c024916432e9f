/**
 * The messages: plain text and simple HTML (every text people or the team wrote escaped), a short
 * subject, and the one-click unfollow headers of RFC 8058 (`List-Unsubscribe` with its POST).
 */
import type { EventItem } from '@kolo/core';
import { escapeHtml as esc, say, type MailKey } from './messages.ts';

export interface Message {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** A change of a followed item, as a digest lists it. */
export interface Change {
  type: string;
  item: EventItem;
  /** the unfollow link of this item */
  unfollow: string;
}

/** Titles in subjects are cut short. */
const short = (title: string, max = 60) => ([...title].length > max ? `${[...title].slice(0, max - 1).join('')}…` : title);

const oneClick = (unfollow: string) => ({ 'List-Unsubscribe': `<${unfollow}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });

const page = (lang: string, body: string) => `<!doctype html><html lang="${lang}"><body style="font-family:system-ui,sans-serif;line-height:1.5">${body}</body></html>`;

/**
 * The double opt-in: a link that confirms the email for this voter, and one that forgets it. It quotes
 * nothing a visitor wrote (anyone may give any address: a title would be their text in the server's
 * mail); the page the link opens names the item.
 */
export function confirmMessage(lang: string, confirm: string, unfollow: string): Message {
  return {
    subject: say(lang, 'confirmSubject'),
    text: [say(lang, 'confirmIntro'), confirm, '', say(lang, 'confirmIgnore'), '', `${say(lang, 'unfollowAll')}: ${unfollow}`].join('\n'),
    html: page(
      lang,
      `<p>${say(lang, 'confirmIntro')}</p><p><a href="${esc(confirm)}">${say(lang, 'confirmButton')}</a></p><p>${say(lang, 'confirmIgnore')}</p><p><small><a href="${esc(unfollow)}">${say(lang, 'unfollowAll')}</a></small></p>`,
    ),
    headers: oneClick(unfollow),
  };
}

/** What one change says: its new status (or that it has an answer), the team's answer, reason and link. */
function lines(lang: string, c: Change, e: (s: string) => string): string[] {
  const i = c.item;
  const key = (c.type === 'question.answered' ? 'answered' : `status_${i.status}`) as MailKey;
  const out = [say(lang, key, { title: e(i.title) })];
  if (i.answer) out.push(e(i.answer));
  if (i.reason && i.status === 'declined') out.push(say(lang, 'reason', { reason: e(i.reason) }));
  if (i.link) out.push(say(lang, 'more', { link: e(i.link) }));
  return out;
}

/** Every change waiting for one email, in one message; each with its unfollow link, and one for everything. */
export function digestMessage(lang: string, changes: Change[], all: string): Message {
  const titles = new Set(changes.map((c) => c.item.id));
  const subject = titles.size === 1 ? say(lang, 'digestSubject', { title: short(changes[0]!.item.title) }) : say(lang, 'digestSubjectMany', { count: titles.size });
  const plain = (s: string) => s;
  const text = changes.map((c) => [...lines(lang, c, plain), `${say(lang, 'unfollowOne')}: ${c.unfollow}`].join('\n'));
  const html = changes.map((c) => {
    const [head, ...rest] = lines(lang, c, esc);
    const link = c.item.link ? `<p><a href="${esc(c.item.link)}">${esc(c.item.link)}</a></p>` : '';
    const body = rest.filter((l) => !c.item.link || !l.includes(esc(c.item.link))).map((l) => `<p>${l}</p>`).join('');
    return `<h2 style="font-size:1.1em">${head}</h2>${body}${link}<p><small><a href="${esc(c.unfollow)}">${say(lang, 'unfollowOne')}</a></small></p>`;
  });
  return {
    subject,
    text: [...text, `${say(lang, 'unfollowAll')}: ${all}`].join('\n\n'),
    html: page(lang, `${html.join('<hr>')}<p><small><a href="${esc(all)}">${say(lang, 'unfollowAll')}</a></small></p>`),
    headers: oneClick(all),
  };
}
