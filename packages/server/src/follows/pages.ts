/** The small pages the links of follow emails open (every text escaped). */
import { escapeHtml as esc, say } from './messages.ts';

/** A whole page: `title`, and `body` (HTML already escaped). */
function linkPage(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${esc(title)}</title>
<style>:root{color-scheme:light dark}body{font-family:system-ui,sans-serif;line-height:1.5;max-inline-size:36rem;margin:3rem auto;padding:0 1rem}button{font:inherit;padding:.5rem 1rem}</style></head>
<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/** After a confirmation link: what will be told. */
export function confirmedPage(lang: string, titles: string[]): string {
  const lines = titles.length ? titles.map((title) => `<p>${say(lang, 'confirmed', { title: esc(title) })}</p>`).join('') : `<p>${say(lang, 'confirmedNone')}</p>`;
  return linkPage(lang, say(lang, 'confirmedTitle'), lines);
}

/** An unfollow link opened: a button that posts to the same address (a link scanner's GET unfollows nothing). */
export function unfollowPage(lang: string, title: string | undefined): string {
  const ask = title ? say(lang, 'unfollowAsk', { title: esc(title) }) : say(lang, 'unfollowAskAll');
  return linkPage(lang, say(lang, 'unfollowTitle'), `<form method="post"><p>${ask}</p><button type="submit">${say(lang, 'unfollowButton')}</button></form>`);
}

export const unfollowedPage = (lang: string) => linkPage(lang, say(lang, 'unfollowTitle'), `<p>${say(lang, 'unfollowed')}</p>`);

/** A link unknown, used or expired (of a confirmation, or an unfollow). */
export const expiredPage = (lang: string, confirming: boolean) => linkPage(lang, say(lang, confirming ? 'confirmedTitle' : 'unfollowTitle'), `<p>${say(lang, 'expired')}</p>`);
