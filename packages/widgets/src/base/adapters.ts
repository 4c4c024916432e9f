import { localAdapter, memoryAdapter, type KoloAdapter, type RuleAdapter } from '@kolo/core';

/** Makes an adapter from the value of a `kolo-adapter` attribute or meta tag (`local`, `memory`, …). */
export type AdapterFactory = (value: string) => KoloAdapter;

/** An adapter usable at once whose real one arrives later (loaded on demand, chosen after a check). */
export function deferredAdapter(ready: Promise<KoloAdapter>): KoloAdapter & RuleAdapter {
  let real: KoloAdapter | undefined;
  void ready.then((a) => (real = a));
  return {
    load: (w, v, q) => ready.then((a) => a.load(w, v, q)),
    send: (x) => ready.then((a) => a.send(x)),
    subscribe(w, v, fn) {
      let stop: (() => void) | undefined;
      let off = false;
      void ready.then((a) => off || (stop = a.subscribe?.(w, v, fn)));
      return () => {
        off = true;
        stop?.();
      };
    },
    track: (s) => void ready.then((a) => a.track?.(s)),
    // passed on to the real adapter: idea rules (before its first load), and its own words once it is there
    addRules: (r) => void ready.then((a) => (a as Partial<RuleAdapter>).addRules?.(r)),
    get messages() {
      return real?.messages;
    },
    // the HTTP adapter's (it is there once a board has loaded, before a form asks)
    get similar() {
      return real?.similar;
    },
  };
}

/** The HTTP adapter for a server URL, loaded when first used so pages without a server don't carry it. */
const lazyHttp = (endpoint: string): KoloAdapter => deferredAdapter(import('@kolo/core/http').then((m) => m.httpAdapter({ endpoint })));

const factories = new Map<string, AdapterFactory>([
  ['local', () => localAdapter()],
  ['memory', () => memoryAdapter()],
  ['http', lazyHttp],
]);
const instances = new Map<string, KoloAdapter>();
const provided = new WeakMap<Node, KoloAdapter>();

/**
 * Name an adapter so HTML can choose it: `<kolo-poll kolo-adapter="mine">`,
 * `<section kolo-adapter="mine">` or `<meta name="kolo-adapter" content="mine">`.
 */
export function registerAdapter(name: string, factory: AdapterFactory): void {
  factories.set(name, factory);
  for (const key of instances.keys()) if (key === name || key.startsWith(`${name}:`)) instances.delete(key);
}

/**
 * Use `adapter` for every Kolo widget inside `root`. `provideAdapter(document, a)` sets the page's adapter;
 * a widget's own `.adapter` property and closer providers win.
 */
export function provideAdapter(root: Node, adapter: KoloAdapter): void {
  provided.set(root, adapter);
}

/** One shared instance per attribute value, so widgets on a page see each other's votes. */
export function namedAdapter(value: string): KoloAdapter {
  const v = value.trim();
  let adapter = instances.get(v);
  if (!adapter) {
    const name = /^(https?:)?\//.test(v) ? 'http' : v;
    const factory = factories.get(name);
    if (!factory) throw new Error(`unknown adapter "${v}" (known: ${[...factories.keys()].join(', ')})`);
    instances.set(v, (adapter = factory(v)));
  }
  return adapter;
}

/**
 * The adapter for an element: the closest provider or `kolo-adapter` attribute (crossing shadow roots),
 * then `<meta name="kolo-adapter">`, then the local (localStorage) adapter. Throws for an unknown name.
 */
export function findAdapter(el: Element): KoloAdapter {
  for (let n: Node | null = el; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
    const adapter = provided.get(n);
    if (adapter) return adapter;
    const name = (n as Element).getAttribute?.('kolo-adapter');
    if (name) return namedAdapter(name);
  }
  const meta = el.ownerDocument?.querySelector('meta[name="kolo-adapter"]')?.getAttribute('content');
  return namedAdapter(meta || 'local');
}
