/**
 * Server-side rendering of Kolo widgets authored in HTML (Node only: `@kolo/widgets/ssr`).
 *
 * `@lit-labs/ssr` renders an element without its light DOM, so a widget authored in HTML could not
 * read its question or options there. `renderWidgets(html)` reads the page with linkedom and renders
 * every `kolo-*` element through `@lit-labs/ssr`, lending each element its authored light DOM: the
 * widget reads it with the same code as in a browser. The declarative shadow root goes in as the
 * element's first child; the authored content stays (the widget reads it again in the browser, then
 * renders over the server's shadow root in the same task).
 */
import { render } from '@lit-labs/ssr';
import { LitElementRenderer } from '@lit-labs/ssr/lib/lit-element-renderer.js';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { parseHTML } from 'linkedom';
import type { KoloAdapter } from '@kolo/core';
import { widgets } from '../registry.ts';
import type { WidgetView } from '../base/widget-controller.ts';
import '../define/all.ts';

const TAGS = widgets.map((w) => w.tag).join(',');
const escapeAttribute = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Make the server's element read `source` (the authored element, in linkedom's DOM) as its own
 * light DOM: its children, text, queries, copies and its place in the page (for `lang`).
 */
function lend(element: object, source: Element): void {
  const get = (key: 'children' | 'parentNode' | 'textContent') => ({ get: () => source[key], configurable: true });
  Object.defineProperties(element, {
    children: get('children'),
    parentNode: get('parentNode'),
    textContent: get('textContent'),
    querySelector: { value: (s: string) => source.querySelector(s), configurable: true },
    querySelectorAll: { value: (s: string) => source.querySelectorAll(s), configurable: true },
    cloneNode: { value: (deep?: boolean) => source.cloneNode(deep), configurable: true },
  });
}

/** What a server-side widget's controller holds (`WidgetController`; content-only ones have no view). */
interface ServerContent {
  config?: unknown;
  view?: WidgetView;
  /** the store factory of the widget's family (`WidgetOptions.store`) */
  o?: { store?: (adapter: KoloAdapter, config: never, voter: string) => { $view: { subscribe(fn: (v: WidgetView) => void): () => void } } };
}
const contentOf = (element: object) => (element as { content?: ServerContent }).content;

/** A renderer for `source`'s tag that lends it `source` and calls `connected` once it has read its content. */
function rendererFor(source: Element, connected?: (content: ServerContent | undefined) => void) {
  return class extends LitElementRenderer {
    constructor(tagName: string) {
      super(tagName);
      if (tagName === source.localName) lend(this.element, source);
    }
    override connectedCallback(): void {
      super.connectedCallback();
      if (this.tagName === source.localName) connected?.(contentOf(this.element));
    }
  };
}

/** The declarative shadow root of `source` as `@lit-labs/ssr` renders it (without hydration markers), with `tally` as its results. */
export function renderShadow(source: Element, tally?: WidgetView['tally']): string {
  const tag = source.localName;
  const attributes = [...source.attributes].map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
  const Renderer = rendererFor(source, (content) => {
    if (tally && content?.view) content.view = { ...content.view, tally };
  });
  const template = html`<${unsafeStatic(tag)}${unsafeStatic(attributes)}></${unsafeStatic(tag)}>`;
  const out = collectResultSync(render(template, { elementRenderers: [Renderer] }));
  const start = out.indexOf('<template shadowroot');
  const end = out.lastIndexOf('</template>') + '</template>'.length;
  if (start < 0 || end < start) throw new Error(`<${tag}> rendered no shadow root`);
  // `.checked=${false}` comes out as `checked="false"` (a checked box in HTML): a property, not an attribute
  return out
    .slice(start, end)
    .replace(/<!--\/?lit-(?:part|node)[^>]*-->|<\?lit\$\d+\$>/g, '')
    .replace(/ checked="(true|false)"/g, (_, on: string) => (on === 'true' ? ' checked' : ''));
}

/** How long `renderWidgetsWithResults` waits for a widget's results by default, in ms. */
export const DEFAULT_TIMEOUT = 2000;

/**
 * What `adapter` answers for the widget `source` authors (its results, a board's ideas), loaded by
 * the widget's own store as an anonymous voter; undefined for a widget without results or invalid
 * content, or when the adapter has not answered within `timeout` ms (the store is then unsubscribed).
 */
export function loadTally(source: Element, adapter: KoloAdapter, voter = 'v_kolossr0', timeout = DEFAULT_TIMEOUT): Promise<WidgetView['tally'] | undefined> {
  let content: ServerContent | undefined;
  const renderer = new (rendererFor(source, (c) => (content = c)))(source.localName);
  for (const a of source.attributes) renderer.setAttribute(a.name, a.value);
  renderer.connectedCallback();
  const store = content?.config ? content.o?.store?.(adapter, content.config as never, voter) : undefined;
  if (!store) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let stop: (() => void) | undefined;
    let done = false;
    const finish = (v?: WidgetView) => {
      if (v?.status === 'loading' || done) return;
      done = true;
      clearTimeout(timer);
      queueMicrotask(() => stop?.());
      resolve(v?.status === 'ready' ? v.tally : undefined);
    };
    // an adapter that never answers: the page renders without this widget's results
    const timer = setTimeout(finish, timeout);
    // (nanostores calls `finish` at once: a view already loaded is stopped in the next microtask)
    stop = store.$view.subscribe(finish);
  });
}

/** Where `renderWidgetsWithResults` gets the widgets' results. */
export interface ResultsOptions {
  /** any adapter: its `load` answers each widget (loaded as an anonymous voter, then unsubscribed) */
  adapter: KoloAdapter;
  /** ms to wait for each widget's results (default 2000); a widget not answered by then renders without them */
  timeout?: number;
}

const pageOf = (page: string) => parseHTML(page.includes('<html') ? page : `<!doctype html><html><body>${page}</body></html>`).document;
/** The widget elements to render: not those that already hold a shadow root. */
const widgetsOf = (document: Document) => [...(document.querySelectorAll(TAGS) as unknown as Element[])].filter((el) => !el.querySelector(':scope > template[shadowrootmode]'));

function serialize(page: string, document: Document, shadows: string[], elements: Element[]): string {
  const nonce = Math.random().toString(36).slice(2);
  elements.forEach((el, i) => el.prepend(document.createComment(`kolo-ssr-${nonce}-${i}`)));
  const out = page.includes('<html') ? document.toString() : document.body.innerHTML;
  return out.replace(new RegExp(`<!--kolo-ssr-${nonce}-(\\d+)-->`, 'g'), (_, i: string) => shadows[Number(i)]!);
}

/**
 * `html` (a page or a fragment) with every Kolo widget rendered into declarative shadow DOM, as a
 * visitor who has not voted sees it before the results load. An element already holding a shadow
 * root is left alone.
 */
export function renderWidgets(page: string): string {
  const document = pageOf(page) as unknown as Document;
  const elements = widgetsOf(document);
  return serialize(page, document, elements.map((el) => renderShadow(el)), elements);
}

/** `renderWidgets`, with each widget's results (counts, a board's ideas) as `adapter` answers them within `timeout`. */
export async function renderWidgetsWithResults(page: string, { adapter, timeout }: ResultsOptions): Promise<string> {
  const document = pageOf(page) as unknown as Document;
  const elements = widgetsOf(document);
  const tallies = await Promise.all(elements.map((el) => loadTally(el, adapter, undefined, timeout)));
  return serialize(page, document, elements.map((el, i) => renderShadow(el, tallies[i])), elements);
}
