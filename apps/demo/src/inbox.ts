import './setup.ts';
import type { Mail } from '../outside/mailbox.ts';
import type { Delivery } from '../outside/receiver.ts';

/**
 * The Inbox page: the mail the demo's mailbox caught and the deliveries its webhook receiver got
 * (apps/demo/outside), read every 2 seconds. Everything in them is shown as text; links are links
 * only when they are http(s).
 */
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = '') => Object.assign(document.createElement(tag), { textContent: text, className });
const time = (iso: string) => new Date(iso).toLocaleTimeString();

function mailItem(m: Mail) {
  const li = el('li');
  const h = el('h3', m.subject);
  const meta = el('p', `To ${m.to} · ${time(m.at)}`, 'note');
  const body = el('pre', m.text);
  const links = el('ul', '', 'links');
  for (const href of m.links) {
    if (!/^https?:\/\//.test(href)) continue;
    const a = el('a', href);
    a.href = href;
    a.target = '_blank';
    const item = el('li');
    item.append(a);
    links.append(item);
  }
  li.append(h, meta, body, links);
  return li;
}

function deliveryItem(d: Delivery) {
  const li = el('li');
  li.append(el('h3', d.event), el('p', `${d.verified ? 'Signature verified' : 'Signature did NOT verify'} · ${time(d.at)}`, d.verified ? 'note' : 'note bad'), el('pre', JSON.stringify(d.body, null, 2)));
  li.dataset.verified = String(d.verified);
  return li;
}

let last = '';
async function refresh() {
  try {
    const res = await fetch('/demo/inbox.json', { cache: 'no-store' });
    if (!res.ok) return;
    const text = await res.text();
    if (text === last) return;
    last = text;
    const { mails, deliveries } = JSON.parse(text) as { mails: Mail[]; deliveries: Delivery[] };
    document.querySelector('#mails')!.replaceChildren(...(mails.length ? mails.map(mailItem) : [el('li', 'No mail yet.', 'note')]));
    document.querySelector('#deliveries')!.replaceChildren(...(deliveries.length ? deliveries.map(deliveryItem) : [el('li', 'No deliveries yet.', 'note')]));
  } catch {
    /* the demo server is restarting: the next look will do */
  }
}
void refresh();
setInterval(refresh, 2000);
