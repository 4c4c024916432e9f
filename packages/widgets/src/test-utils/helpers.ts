/// <reference types="mocha" />
import { waitUntil } from '@open-wc/testing';

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

export { failingAdapter, hangingAdapter, flakyAdapter } from './adapters.ts';
