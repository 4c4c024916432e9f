// The pages `pnpm bench:browser` loads: each is an HTML body and the entry of its one production
// bundle. Every bundle ends with the same harness (HARNESS), so the blank page pays what the others
// pay for measuring, and "cost over the blank page" is what the widgets add.

/** A poll as a site authors it (the demo's first poll); `n` makes its id unique on a page. */
export const pollHtml = (n = 0) => `<kolo-poll poll-id="bench-${n}" campaign="demo">
  <h3>Which format do you prefer?</h3>
  <p>We plan next month's posts around your answer.</p>
  <ul>
    <li data-value="carousel">Carousel</li>
    <li data-value="video">Short video</li>
    <li data-value="longread">Long read</li>
  </ul>
  <a data-next-step href="https://example.org/guides/formats">Read how we choose formats</a>
</kolo-poll>`;

/** One of each of the nine widgets, authored as the demo pages author them. */
const NINE = `${pollHtml()}
<kolo-choice choice-id="digest-ab" name="digest" allow-change>
  <h3>Which digest would you rather read?</h3>
  <article data-value="weekly"><h4>A: Weekly digest</h4><p>One longer email every Sunday.</p></article>
  <article data-value="daily"><h4>B: Daily short</h4><p>Three links every morning.</p></article>
</kolo-choice>
<kolo-reactions reactions-id="post-formats" label="React to this article" reactions="👍 ❤️ 🎉 🤔"></kolo-reactions>
<kolo-quiz quiz-id="phishing-101" show-stats>
  <h3>Can you spot phishing?</h3>
  <section data-question="link" data-correct="no">
    <p>An email asks you to confirm your password through a link. Is it safe?</p>
    <ul><li data-value="yes">Yes, it looks like my bank</li><li data-value="no">No</li></ul>
    <p data-explanation>Banks never ask for your password by email.</p>
  </section>
  <section data-question="signs" data-correct="urgent typo" data-multiple>
    <p>Which of these are signs of phishing?</p>
    <ul><li data-value="urgent">Urgency</li><li data-value="typo">A sender address with a typo</li><li data-value="logo">The company's logo</li></ul>
  </section>
</kolo-quiz>
<kolo-idea-form board-id="roadmap" moderated>
  <h3>How can we improve the journey planner?</h3>
  <ul data-categories><li data-value="app">Mobile app</li><li data-value="web">Website</li></ul>
</kolo-idea-form>
<kolo-idea-board board-id="roadmap" heading-level="3">
  <h3>Ideas for the journey planner</h3>
  <ul data-categories><li data-value="app">Mobile app</li><li data-value="web">Website</li></ul>
</kolo-idea-board>
<kolo-faq-carousel carousel-id="odds-faq">
  <h3>Questions about odds</h3>
  <article data-card="decimal"><h4>What do decimal odds like 2.50 mean?</h4><p>A winning bet of 10 returns 25.</p></article>
  <article data-card="implied"><h4>What is the implied probability?</h4><p>One divided by the decimal odds.</p></article>
</kolo-faq-carousel>
<kolo-help-banner banner-id="odds-help" dismissible>
  <h3>Play safe</h3>
  <p data-disclaimer>Gambling can be addictive. 18+.</p>
  <ul data-region="gb" data-label="the United Kingdom" data-langs="en-GB en" data-default>
    <li><a href="tel:08088020133">National Gambling Helpline 0808 8020 133</a></li>
  </ul>
</kolo-help-banner>
<p><kolo-disclosure type="partner">Made with a charity we paid to review it.</kolo-disclosure></p>`;

const LIT_HELLO = `
import { LitElement, html, css } from 'lit';
class BenchHello extends LitElement {
  static properties = { name: {} };
  static styles = css\`:host{display:block;padding:1rem;border:1px solid #c5cad3;border-radius:.75rem}\`;
  constructor() { super(); this.name = 'World'; }
  render() { return html\`<p>Hello, \${this.name}!</p>\`; }
}
customElements.define('bench-hello', BenchHello);
`;

/**
 * Runs after the page's modules were evaluated (and its elements upgraded): waits until every
 * custom element has rendered and left its loading state, forces style and layout, then publishes
 * the times (ms since navigation start) and the content check.
 */
const HARNESS = `
window.__bench_eval = performance.now();
const els = [...document.querySelectorAll('*')].filter((e) => e.localName.includes('-'));
const busy = (e) => e.isUpdatePending || e.matches(':state(loading)');
(async () => {
  for (let i = 0; i < 100 && els.some(busy); i++) {
    await Promise.all(els.map((e) => e.updateComplete));
    if (els.some(busy)) await new Promise((r) => setTimeout(r));
  }
  document.body.getBoundingClientRect();
  // from the document's first byte: the browser's own navigation work before it is not the page's
  const first = performance.getEntriesByType('navigation')[0].responseStart;
  const ready = performance.now() - first;
  const script = performance.getEntriesByType('resource').find((r) => r.name.includes('/entry.js'));
  const wrong = els.filter((e) => busy(e) || e.matches(':state(invalid)') || !e.shadowRoot?.textContent.trim()).map((e) => e.localName);
  window.__bench = { first, fetched: script.responseEnd - first, start: window.__bench_start, eval: window.__bench_eval, end: performance.now(), ready, elements: els.length, wrong };
})();
`;

/** What every bundle starts with: the moment its code begins to run. */
export const BANNER = 'window.__bench_start = performance.now();';

/** Collects long tasks from the start (an inline classic script in the head). */
export const HEAD = `<link rel="icon" href="data:,"><script>window.__long = []; new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });</script>`;

/** name → { label, body, entry } */
export const PAGES = {
  blank: { label: 'blank page', body: '<main><p>A page.</p></main>', entry: '' },
  lit: { label: 'Lit hello (anchor)', body: '<main><p>A page.</p><bench-hello></bench-hello></main>', entry: LIT_HELLO },
  poll: { label: 'one poll', body: `<main><p>A page.</p>${pollHtml()}</main>`, entry: `import '@kolo/widgets/define/poll';` },
  nine: { label: 'nine widgets', body: `<main><p>A page.</p>${NINE}</main>`, entry: `import '@kolo/widgets/define';` },
  feed: {
    label: 'feed of 50 polls',
    body: `<main><p>A page.</p>${Array.from({ length: 50 }, (_, i) => pollHtml(i)).join('\n')}</main>`,
    entry: `import '@kolo/widgets/define/poll';`,
  },
};

export const entrySource = (name) => `${PAGES[name].entry}\n${HARNESS}`;

/** The page `name`'s HTML, its files under `/dir/` (a variant of the page: see --base). */
export const pageHtml = (name, preload = [], dir = name) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${name}</title>${HEAD}` +
  preload.map((href) => `<link rel="modulepreload" href="${href}">`).join('') +
  `<script type="module" src="/${dir}/entry.js"></script></head><body>${PAGES[name].body}</body></html>`;
