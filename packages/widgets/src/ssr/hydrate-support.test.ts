// first: Lit's hydrate support must be there before Lit loads (as on a page that hydrates its own Lit elements)
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@open-wc/testing';
import { hydrateServerOutput } from '../test-utils/ssr-hydrate.ts';

describe('server-rendered widgets in Chromium, with @lit-labs/ssr-client hydrate support loaded', () => {
  it('every widget renders over its server output without a hydration error or a layout shift', async function () {
    this.timeout(60_000); // the first request bundles the server renderer
    expect(typeof (globalThis as { litElementHydrateSupport?: unknown }).litElementHydrateSupport).to.equal('function');
    await hydrateServerOutput();
  });
});
