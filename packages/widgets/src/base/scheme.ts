/**
 * Whether an element follows the OS for light and dark. The tokens' `light-dark()` colors follow the
 * `color-scheme` the element inherits from the page; a page that sets none (`normal`) is light in
 * every browser, whatever the OS says, so there the element asks for `light dark` itself
 * (`:state(os-scheme)`). CSS cannot tell `normal` from `light`, so the inherited value is read when
 * an element connects and when the page's root or body element changes an attribute (a theme class,
 * `data-theme`, a style), for all of them together before the next frame (one style computation,
 * which that frame's rendering needs anyway), before anything is painted.
 */

/** The state name; `KoloElement.setStates` keeps it. */
export const OS_SCHEME = 'os-scheme';

/** elements connected since the last frame, with their custom states */
let waiting: [Element, CustomStateSet][] = [];

/** Whether the page says nothing where `el` is: its parent (or shadow root's host) has `color-scheme: normal`. */
function pageSaysNothing(el: Element): boolean {
  const from = el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host;
  return !!from && getComputedStyle(from).colorScheme === 'normal';
}

/** Before the next frame, read the `color-scheme` `el` inherits and set `:state(os-scheme)` when the page says nothing. */
export function watchScheme(el: Element, states: CustomStateSet): void {
  if (typeof requestAnimationFrame !== 'function') return;
  if (!waiting.length)
    requestAnimationFrame(() => {
      const all = waiting;
      waiting = [];
      // read everything first, then write: one style computation for all of them
      all.map(([e]) => pageSaysNothing(e)).forEach((normal, i) => all[i]![1][normal ? 'add' : 'delete'](OS_SCHEME));
    });
  waiting.push([el, states]);
}

/** Call `recheck` when `<html>` or `<body>` changes an attribute: where a site switches its mode. */
export function watchPage(recheck: () => void): void {
  const observer = new MutationObserver(recheck);
  for (const el of [document.documentElement, document.body]) if (el) observer.observe(el, { attributes: true });
}
