import { authoredNextStep, lightText } from '../../base/light-dom.ts';

/**
 * The carousel as authored in HTML: the first heading child is its label, each `article[data-card]`
 * a card (its heading the question or myth, its paragraphs the answer; `p[data-fact]` makes it a myth
 * card, `p[data-advice]` says what to do, `a[data-link]` is a link), `[data-closing]` the closing card.
 */
export function readFaqContent(host: Element) {
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
    };
  });
  const closing = host.querySelector('[data-closing]');
  return {
    ...(heading ? { label: lightText(heading) } : {}),
    cards,
    ...(closing ? { closing: { text: lightText(closing.querySelector('p, h1, h2, h3, h4, h5, h6') ?? closing), ...authoredNextStep(closing) } } : {}),
  };
}
