// The FAQ carousel's test content and helpers, shared by its test files.
import { waitUntil } from '@open-wc/testing';
import type { KoloAdapter } from '@kolo/core';
import type { KoloFaqCarousel } from '../components/faq-carousel/faq-carousel.ts';
import { $, $$, mount } from './helpers.ts';

export const CARDS = `<h3>Myths about gambling</h3>
  <article data-card="due">
    <h4>After a losing streak, a win is due.</h4>
    <p data-fact>Every spin is independent: the odds are the same each time.</p>
    <p data-advice>Decide on a limit before you start, and stop when you reach it.</p>
    <a data-link href="https://example.org/limits">Set a limit</a>
  </article>
  <article data-card="system">
    <h4>Is there a system that beats the odds?</h4>
    <p>No. The house edge is built into every game.</p>
    <p>Systems only change how fast you lose.</p>
  </article>
  <article data-card="skill">
    <h4>Skill makes slot machines predictable.</h4>
    <p data-fact>Slots are random; no skill changes the outcome.</p>
  </article>
  <aside data-closing><p>Which myth should we debunk next?</p><a data-next-step href="https://example.org/ideas">Suggest a myth</a></aside>`;

export const carouselOf = (attrs = '', adapter?: KoloAdapter, body = CARDS) =>
  mount('kolo-faq-carousel', `<kolo-faq-carousel carousel-id="myths" ${attrs}>${body}</kolo-faq-carousel>`, adapter);
export const slides = (el: KoloFaqCarousel) => $$(el, '[part~="slide"]');
export const current = (el: KoloFaqCarousel) => slides(el).findIndex((s) => !s.inert);
export const track = (el: KoloFaqCarousel) => $(el, '[part~="slides"]')!;
export const click = async (el: KoloFaqCarousel, part: string) => {
  $<HTMLButtonElement>(el, `[part~="${part}"]`)!.click();
  await el.updateComplete;
};
/** The track has scrolled to card `i` (smooth scrolling takes a moment). */
export const settled = (el: KoloFaqCarousel, i: number) =>
  waitUntil(() => Math.abs(Math.round(Math.abs(track(el).scrollLeft) / track(el).clientWidth) - i) === 0, `scrolled to card ${i + 1}`, { timeout: 3000 });
