import { localAdapter, type KoloAdapter } from '@kolo/core';
import { httpAdapter } from '@kolo/core/http';
import { deferredAdapter, provideAdapter } from '@kolo/widgets';
import '@kolo/widgets/define';
import { seeds } from './seed.ts';

const env = (import.meta as unknown as { env: Record<string, string | undefined> }).env;
/** The Kolo server the demo command started (`bash scripts/kolo.sh demo`); absent when only Vite runs. */
export const endpoint = env.VITE_KOLO_SERVER;
/** The demo server's admin token, for the team panel (the demo server listens on loopback only). */
export const adminToken = env.VITE_KOLO_ADMIN_TOKEN;

/** Who is signed in to the demo site on this browser (`''`: nobody), as the header's picker sets it. */
export const person = () => localStorage.getItem('demo:person') ?? '';

let token: { value: string; at: number } | undefined;
/**
 * The signed-in person's identity token for Kolo, as a real site would make it: signed by the site
 * (here the demo's `/demo/sign-in`, apps/demo/outside/identity.ts), short-lived, renewed before it ends.
 */
async function identity(): Promise<string | undefined> {
  const user = person();
  if (!user) return undefined;
  if (!token || Date.now() - token.at > 5 * 60_000) {
    const res = await fetch('/demo/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
    if (!res.ok) return undefined;
    token = { value: ((await res.json()) as { token: string }).token, at: Date.now() };
  }
  return token.value;
}

/**
 * The page's adapter: the demo server when it answers (votes are shared by every window, live), else
 * localStorage (the embedded default: this browser only) with the same starting numbers.
 */
async function choose(): Promise<{ adapter: KoloAdapter; server: boolean }> {
  if (endpoint) {
    try {
      const res = await fetch(`${endpoint}/v1/health`, { signal: AbortSignal.timeout(1500) });
      if (res.ok) return { adapter: httpAdapter({ endpoint, identity }), server: true };
    } catch {
      /* no server: fall back */
    }
  }
  return { adapter: localAdapter({ seed: seeds }), server: false };
}
export const chosen = choose();
export const adapter: KoloAdapter = deferredAdapter(chosen.then((c) => c.adapter));

provideAdapter(document, adapter);

void chosen.then(({ server }) => {
  const mode = document.createElement('p');
  mode.id = 'mode';
  mode.className = 'mode';
  mode.textContent = server ? `Live on the Kolo server (${endpoint}): open a second window to see votes arrive.` : 'No server: everything is kept in this browser (local adapter).';
  document.querySelector('header.site')?.append(mode);
  document.documentElement.dataset.kolo = server ? 'server' : 'local';
});

/** The demo's pages, for the header every page shares. */
const PAGES = [
  ['/', 'Polls, quiz, reactions'],
  ['/ideas.html', 'Ideas and questions'],
  ['/help.html', 'FAQ and help'],
  ['/console.html', 'Team console'],
  ['/inbox.html', 'Inbox'],
] as const;

/** The header: the name, the pages (the current one marked) and the theme switch. */
function header(): HTMLSelectElement {
  const el = document.querySelector('header.site')!;
  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  el.innerHTML = `<strong>Kolo</strong> <span>widgets that turn a page into a conversation</span>
    <nav aria-label="Demo pages"></nav>
    <label class="theme">Theme <select id="theme"><option value="">System</option><option value="light">Light</option><option value="dark">Dark</option></select></label>
    <label>Signed in as <select id="person"><option value="">Nobody (anonymous)</option><option value="olena">Olena</option><option value="taras">Taras</option></select></label>`;
  // signing in or out changes whose votes the widgets show: the page starts again
  const who = el.querySelector<HTMLSelectElement>('#person')!;
  who.value = person();
  who.addEventListener('change', () => {
    if (who.value) localStorage.setItem('demo:person', who.value);
    else localStorage.removeItem('demo:person');
    location.reload();
  });
  el.querySelector('nav')!.append(
    ...PAGES.map(([href, label]) => {
      const a = Object.assign(document.createElement('a'), { href, textContent: label });
      if (href === here) a.setAttribute('aria-current', 'page');
      return a;
    }),
  );
  return el.querySelector('select')!;
}

const theme = header();
// the page's color-scheme is all the widgets need: they follow it (docs/theming.md)
const applyTheme = () => {
  document.documentElement.style.colorScheme = theme.value || 'light dark';
};
theme.addEventListener('change', applyTheme);
applyTheme();

const log = document.querySelector('#log');
const EVENTS = ['kolo-vote', 'kolo-change', 'kolo-answer', 'kolo-complete', 'kolo-next-step', 'kolo-submit', 'kolo-submitted', 'kolo-upvote', 'kolo-slide', 'kolo-dismiss'] as const;
for (const type of EVENTS) {
  document.addEventListener(type, (e) => {
    const li = document.createElement('li');
    // kolo-change carries the whole tally: log its size, not thousands of ideas
    const detail = type === 'kolo-change' ? { ...e.detail, tally: `${Object.keys((e.detail as { tally: object }).tally).length} fields` } : e.detail;
    li.textContent = `${type} ${JSON.stringify(detail)}`;
    log?.prepend(li);
    const href = (e.detail as { href?: string }).href;
    // stay on the demo page, except for links within it
    if (type === 'kolo-next-step' && !href?.includes('#')) e.preventDefault();
  });
}

document.querySelector('#reset')?.addEventListener('click', () => {
  for (const store of [localStorage, sessionStorage]) for (const key of Object.keys(store)) if (key.startsWith('kolo:')) store.removeItem(key);
  location.reload();
});

// the help page's region buttons
const banner = document.querySelector('kolo-help-banner');
for (const [id, region] of [['#region-ua', 'ua'], ['#region-de', 'de'], ['#region-auto', '']] as const) {
  document.querySelector(id)?.addEventListener('click', () => (region ? banner?.setAttribute('region', region) : banner?.removeAttribute('region')));
}
