import { hydrateServerOutput } from '../test-utils/ssr-hydrate.ts';

describe('server-rendered widgets in Chromium', () => {
  it('every widget of the registry hydrates without errors and without a layout shift', async function () {
    this.timeout(60_000); // the first request bundles the server renderer
    await hydrateServerOutput();
  });
});
