/// <reference types="mocha" />
import { waitUntil } from '@open-wc/testing';
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

/** An adapter whose every call fails like a dead network. */
export const failingAdapter = (): KoloAdapter => ({
  load: () => Promise.reject(new TypeError('Failed to fetch')),
  send: () => Promise.reject(new TypeError('Failed to fetch')),
});

/** An adapter that never answers (stays loading). */
export const hangingAdapter = (): KoloAdapter => ({
  load: () => new Promise(() => {}),
  send: () => new Promise(() => {}),
});

/** A memory adapter whose load fails until `heal()` is called. */
export function flakyAdapter() {
  const base = memoryAdapter();
  let broken = true;
  const adapter: KoloAdapter = {
    ...base,
    load: (w, v) => (broken ? Promise.reject(new TypeError('Failed to fetch')) : base.load(w, v)),
  };
  return { adapter, heal: () => (broken = false) };
}
