import { html } from 'lit';

/** Characters of details shown before "Read more". */
export const EXCERPT = 240;
const URLS = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/** The start of `text`, cut at a word when one ends near the limit. */
export function excerpt(text: string): string {
  const chars = [...text];
  if (chars.length <= EXCERPT) return text;
  const cut = chars.slice(0, EXCERPT).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT * 0.75 ? cut.slice(0, space) : cut}…`;
}

/** Text with its http(s) links as links marked as user content; everything else stays text. */
export function linkify(text: string) {
  const out: unknown[] = [];
  let last = 0;
  for (const m of text.matchAll(URLS)) {
    out.push(text.slice(last, m.index), html`<a href=${m[0]} rel="nofollow ugc noopener noreferrer" target="_blank">${m[0]}</a>`);
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}
