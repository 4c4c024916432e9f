/** The text of authored light-DOM content, whitespace collapsed. Never HTML. */
export const lightText = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
