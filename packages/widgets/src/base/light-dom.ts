/** The text of authored light-DOM content, whitespace collapsed. Never HTML. */
export const lightText = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The authored next step: `a[data-next-step]` anywhere inside `host`. */
export function authoredNextStep(host: Element) {
  const next = host.querySelector('a[data-next-step]');
  return next ? { nextStep: { label: lightText(next), href: next.getAttribute('href') ?? '' } } : {};
}
