/** A FAQ or myth/fact carousel as authored: read the same way by `<kolo-faq-carousel>` and by `definitionsOf`. */
import { authoredNextStep, lightText, type AttributeSpec } from '../content/read.ts';
import type { FaqConfig } from './schema.ts';

export interface FaqProps {
  carouselId?: string | undefined;
  autoplay?: number | undefined;
  noFeedback?: boolean;
  config?: Partial<FaqConfig> | undefined;
}
export const faqAttributes: AttributeSpec = {
  carouselId: ['carousel-id', String],
  autoplay: ['autoplay', Number],
  noFeedback: ['no-feedback', Boolean],
  headingLevel: ['heading-level', Number],
  config: ['config', Object],
};

/**
 * `.config`, or the light DOM: the first heading child is the carousel's label, each
 * `article[data-card]` a card (its heading the question or myth, its paragraphs the answer; `p[data-fact]`
 * makes it a myth card, `p[data-advice]` says what to do, `a[data-link]` is a link, `data-signature`
 * the site's signature of its "was this helpful?"), `[data-closing]` the closing card.
 */
export function readFaq(host: Element, p: FaqProps): unknown {
  const own = { id: p.carouselId || undefined, ...(p.autoplay ? { autoplay: p.autoplay } : {}), ...(p.noFeedback ? { feedback: false } : {}) };
  return { ...own, ...(p.config || readFaqContent(host)) };
}

function readFaqContent(host: Element) {
  const heading = [...host.children].find((k) => k.matches('h1, h2, h3, h4, h5, h6'));
  const cards = [...host.querySelectorAll('[data-card]')].map((card, i) => {
    const text = (sel: string) => {
      const el = card.querySelector(sel);
      return el ? lightText(el) : undefined;
    };
    const fact = text('[data-fact]');
    const link = card.querySelector('a[data-link]');
    const body = fact ?? [...card.querySelectorAll('p:not([data-advice])')].map(lightText).join('\n\n');
    return {
      id: card.getAttribute('data-card') || String(i + 1),
      kind: fact ? 'myth' : 'faq',
      title: text('h1, h2, h3, h4, h5, h6, [data-title]') ?? '',
      body,
      ...(text('[data-advice]') ? { advice: text('[data-advice]') } : {}),
      ...(link ? { link: { label: lightText(link), href: link.getAttribute('href') ?? '' } } : {}),
      signature: card.getAttribute('data-signature') ?? undefined,
    };
  });
  const closing = host.querySelector('[data-closing]');
  return {
    ...(heading ? { label: lightText(heading) } : {}),
    cards,
    ...(closing ? { closing: { text: lightText(closing.querySelector('p, h1, h2, h3, h4, h5, h6') ?? closing), ...authoredNextStep(closing) } } : {}),
  };
}
