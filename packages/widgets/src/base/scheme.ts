/**
 * Whether an element follows the page for light and dark. The tokens' `light-dark()` colors follow
 * the element's `color-scheme`: `light dark` (the OS) by default, the one it inherits from the page
 * with `:state(page-scheme)`, set when the page says one. A page that sets none (`normal`) is light
 * in every browser whatever the OS says, so there the element keeps the OS. Most pages set none, and
 * they pay no second style computation. CSS cannot tell `normal` from `light`, so the inherited value is read when
 * an element connects and when the page's root or body element changes an attribute (a theme class,
 * `data-theme`, a style), for all of them together before the next frame (one style computation,
 * which that frame's rendering needs anyway), before anything is painted.
 */

/** The state name; `KoloElement.setStates` keeps it. */
export const PAGE_SCHEME = 'page-scheme';

/**
 * The elements to look at before the next frame, with their custom states: one entry per element
 * however often it is asked for (a hidden tab runs no frame), disconnected ones dropped when another is asked for.
 */
export const waiting = new Map<Element, CustomStateSet>();

/** Whether the page says a `color-scheme` where `el` is: its parent's (or shadow root's host's) is not `normal`. */
function pageSays(el: Element): boolean {
  const from = el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host;
  return !!from && getComputedStyle(from).colorScheme !== 'normal';
}

/** Before the next frame, read the `color-scheme` `el` inherits and set `:state(page-scheme)` when the page says one. */
export function watchScheme(el: Element, states: CustomStateSet): void {
  if (typeof requestAnimationFrame !== 'function') return;
  if (!waiting.size)
    requestAnimationFrame(() => {
      const all = [...waiting];
      waiting.clear();
      // read everything first, then write: one style computation for all of them
      all.map(([e]) => pageSays(e)).forEach((says, i) => all[i]![1][says ? 'add' : 'delete'](PAGE_SCHEME));
    });
  waiting.forEach((_, e) => e.isConnected || waiting.delete(e));
  waiting.set(el, states);
}

/** Call `recheck` when `<html>` or `<body>` changes an attribute: where a site switches its mode. */
export function watchPage(recheck: () => void): void {
  const observer = new MutationObserver(recheck);
  for (const el of [document.documentElement, document.body]) if (el) observer.observe(el, { attributes: true });
}
