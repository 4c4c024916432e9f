/**
 * The CDN autoloader (`dist/cdn/autoloader.js`): loads `dist/cdn/<tag>.js` the first time a Kolo
 * element appears in the page (at load, or added later), so a page carries only the widgets it
 * shows. Elements inside other shadow roots are not watched: call `discover(shadowRoot)` for them.
 * In Node it does nothing.
 */
import { widgets } from '../registry.ts';

export * from './api.ts';

const known = new Set<string>(widgets.map((w) => w.tag));
const loading = new Map<string, Promise<unknown>>();

/** Loads one widget's file once; resolves when its tag is defined. */
function load(tag: string): Promise<unknown> {
  let p = loading.get(tag);
  if (!p) {
    p = import(new URL(`./${tag}.js`, import.meta.url).href).catch((e: unknown) => {
      loading.delete(tag);
      console.warn(`Kolo: could not load <${tag}>`, e);
    });
    loading.set(tag, p);
  }
  return p;
}

/** Loads the file of every Kolo element not yet defined in `root` (and `root` itself). */
export function discover(root: ParentNode): Promise<unknown> {
  const tags = new Set<string>();
  if (root instanceof Element && known.has(root.localName)) tags.add(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) if (known.has(el.localName)) tags.add(el.localName);
  return Promise.all([...tags].filter((t) => !customElements.get(t)).map(load));
}

function start(): void {
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      // an element with no children is a Kolo tag or nothing to look into
      for (const node of r.addedNodes) if (node instanceof Element && (node.firstElementChild || known.has(node.localName))) void discover(node);
    }
    // every widget defined: nothing left to watch for
    if ([...known].every((t) => customElements.get(t))) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  void discover(document);
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') start();
