/**
 * Helpers for stories' `play` functions (Storybook's interaction tests): the widgets render into
 * shadow roots, which Testing Library's screen queries do not enter, so plays reach the parts here.
 */
import { waitFor } from 'storybook/test';

type Widget = HTMLElement & { shadowRoot: ShadowRoot; updateComplete: Promise<boolean> };

/** The story's first `tag` element, once it has loaded (or shows why it can't). */
export async function widget<T extends HTMLElement = HTMLElement>(canvas: HTMLElement, tag: string): Promise<T & Widget> {
  return waitFor(() => {
    const el = canvas.querySelector<T & Widget>(tag);
    if (!el?.shadowRoot) throw new Error(`no <${tag}> in the story yet`);
    if (!['ready', 'error', 'invalid'].some((s) => el.matches(`:state(${s})`))) throw new Error(`<${tag}> is still loading`);
    return el;
  });
}

/** The element matching `selector` in `el`'s shadow root (throws, naming it, when there is none). */
export function part<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`<${el.localName}> shows no ${selector}`);
  return found;
}

/** Every element matching `selector` in `el`'s shadow root. */
export const parts = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** The text a person reads in `node` (whitespace collapsed). */
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Whether `el` is in custom state `state` (`:state(voted)`). */
export const inState = (el: Element, state: string): boolean => el.matches(`:state(${state})`);

/** The focused element, looking into shadow roots. */
export function focused(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** A story's authored text in the story's language: Ukrainian, Arabic, or else English. */
export const say = (lang: string | undefined, en: string, uk: string, ar: string) => (lang === 'uk' ? uk : lang === 'ar' ? ar : en);
