/// <reference types="mocha" />
import { fixture, html, waitUntil } from '@open-wc/testing';
import { memoryAdapter, type KoloAdapter } from '@kolo/core';

/** Query inside an element's shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] =>
  [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Text of the shadow root (or a part of it), whitespace collapsed. */
export const textOf = (el: Element, selector?: string) =>
  ((selector ? $(el, selector) : el.shadowRoot)?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const hasState = (el: Element, state: string) => el.matches(`:state(${state})`);

export const waitForState = (el: Element, state: string) =>
  waitUntil(() => hasState(el, state), `expected :state(${state})`, { timeout: 3000 });

export { castVote, failingAdapter, hangingAdapter, flakyAdapter, ideaAdapter, submitIdea, sampleIdeas, sampleCounts } from './adapters.ts';

/**
 * Mount `markup` on the page with the first `tag` element given `adapter` (a fresh memory adapter
 * by default; `'default'` leaves the choice to the page) before it connects, and wait until it is
 * ready, invalid or failed.
 */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  markup: string,
  adapter?: KoloAdapter | 'default',
  before?: (wrapper: HTMLElement) => void,
): Promise<HTMLElementTagNameMap[K]> {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = markup;
  const el = wrapper.querySelector(tag)!;
  if (adapter !== 'default') (el as unknown as { adapter: KoloAdapter }).adapter = adapter ?? memoryAdapter();
  before?.(wrapper);
  await fixture(html`<div>${wrapper}</div>`);
  await waitUntil(() => hasState(el, 'ready') || hasState(el, 'invalid') || hasState(el, 'error'), 'settled', { timeout: 3000 });
  return el;
}

/** The focused element, looking into shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * Set the value of the control named `name` in `el`'s shadow root as a person would leave it:
 * `input` (or `change` for a select), then `blur`; waits for the render.
 */
export async function setValue(el: HTMLElement & { updateComplete: Promise<unknown> }, name: string, value: string): Promise<void> {
  const control = $<HTMLInputElement>(el, `[name="${name}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event(control.localName === 'select' ? 'change' : 'input', { bubbles: true }));
  control.dispatchEvent(new Event('blur'));
  await el.updateComplete;
}
