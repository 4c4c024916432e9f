/**
 * Injected by the CDN build (esbuild `inject`) for the globals Lit and the define calls touch when
 * a module loads: in a browser they are the real ones; in Node (an SSR framework importing a CDN
 * file) stand-ins, so the import does not throw and registers nothing. Nothing global is written.
 */
const g = globalThis as Partial<typeof globalThis>;

const HTMLElementOrStandIn: typeof globalThis.HTMLElement = g.HTMLElement ?? (class {} as typeof globalThis.HTMLElement);
const registryOrStandIn: CustomElementRegistry =
  g.customElements ?? ({ get: () => undefined, define: () => undefined } as unknown as CustomElementRegistry);

export { HTMLElementOrStandIn as HTMLElement, registryOrStandIn as customElements };
