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
import { widgets } from '../registry.ts';
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

/** The declarative shadow root of `source` as `@lit-labs/ssr` renders it (without hydration markers). */
export function renderShadow(source: Element): string {
  const tag = source.localName;
  const attributes = [...source.attributes].map((a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join('');
  const Renderer = class extends LitElementRenderer {
    constructor(tagName: string) {
      super(tagName);
      if (tagName === tag) lend(this.element, source);
    }
  };
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

/**
 * `html` (a page or a fragment) with every Kolo widget rendered into declarative shadow DOM. An
 * element already holding a shadow root is left alone.
 */
export function renderWidgets(page: string): string {
  const { document } = parseHTML(page.includes('<html') ? page : `<!doctype html><html><body>${page}</body></html>`);
  const marks = new Map<string, string>();
  const nonce = Math.random().toString(36).slice(2);
  for (const el of document.querySelectorAll(TAGS) as unknown as Element[]) {
    if (el.querySelector(':scope > template[shadowrootmode]')) continue;
    const mark = `kolo-ssr-${nonce}-${marks.size}`;
    marks.set(mark, renderShadow(el));
    el.prepend(document.createComment(mark));
  }
  const out = page.includes('<html') ? document.toString() : document.body.innerHTML;
  return out.replace(/<!--(kolo-ssr-[a-z0-9]+-\d+)-->/g, (m, mark: string) => marks.get(mark) ?? m);
}
