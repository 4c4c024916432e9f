/**
 * Injected by the CDN build (esbuild `inject`) for the globals Lit and the define calls touch when
 * a module loads: in a browser they are the real ones; in Node (an SSR framework importing a CDN
 * file) stand-ins, so the import does not throw and registers nothing. Nothing global is written.
 * Both real or both stand-ins: Lit's server build (loaded by `lit`, `@kolo/widgets` or
 * `@kolo/widgets/ssr` in the same process) sets a global `customElements` but no `HTMLElement`, and
 * its registry's `define` finalizes the class (Lit's browser style code: `CSSStyleSheet`).
 */
const g = globalThis as Partial<typeof globalThis>;
const real = !!(g.HTMLElement && g.customElements);

const HTMLElementOrStandIn: typeof globalThis.HTMLElement = real ? g.HTMLElement! : (class {} as typeof globalThis.HTMLElement);
const registryOrStandIn: CustomElementRegistry = real
  ? g.customElements!
  : ({ get: () => undefined, define: () => undefined } as unknown as CustomElementRegistry);

export { HTMLElementOrStandIn as HTMLElement, registryOrStandIn as customElements };
