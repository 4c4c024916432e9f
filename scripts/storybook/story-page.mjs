// Open one story in the preview iframe and wait until Storybook says it is done, for the check modules.
// Completion is read from the preview's own channel (`window.__STORYBOOK_ADDONS_CHANNEL__`), caught the
// moment the preview installs it: `storyFinished` ends every render (also after a play function threw),
// and `storyErrored` / `storyThrewException` / `playFunctionThrewException` /
// `unhandledErrorsWhilePlaying` / `storyMissing` say what went wrong. A user agent naming
// "StorybookTestRunner" makes Storybook pause CSS animations, as it does for its own test runner.

/** Runs in the page before any script: records the channel's story events in `window.__koloStory`. */
function listen(now) {
  const state = { finished: false, errors: [] };
  window.__koloStory = state;
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    /* an opaque origin (about:blank) has no storage */
  }
  // the same clock on every run: the page starts at `now` and time moves on from there
  const RealDate = Date;
  const start = RealDate.now();
  const shifted = () => now + (RealDate.now() - start);
  window.Date = new Proxy(RealDate, {
    construct: (D, a) => new D(...(a.length ? a : [shifted()])),
    apply: () => new RealDate(shifted()).toString(),
    get: (D, key) => (key === 'now' ? shifted : Reflect.get(D, key)),
  });
  const message = (e) => (typeof e === 'string' ? e : [e?.title, e?.name, e?.message, e?.description].filter(Boolean).join(': '));
  const on = (channel) => {
    channel.on('storyFinished', (e) => {
      if (e?.status === 'error') state.errors.push(`storyFinished with status "error"${e.reporters?.length ? `: ${JSON.stringify(e.reporters).slice(0, 400)}` : ''}`);
      state.finished = true;
    });
    channel.on('storyErrored', (e) => state.errors.push(`storyErrored: ${message(e)}`));
    channel.on('storyThrewException', (e) => state.errors.push(`storyThrewException: ${message(e)}`));
    channel.on('playFunctionThrewException', (e) => state.errors.push(`play function threw: ${message(e)}`));
    channel.on('unhandledErrorsWhilePlaying', (e) => state.errors.push(`unhandled errors while playing: ${[].concat(e).map(message).join('; ')}`));
    channel.on('storyMissing', (id) => {
      state.errors.push(`storyMissing: ${id}`);
      state.finished = true;
    });
  };
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (next) => {
      if (next && next !== channel) on(next);
      channel = next;
    },
  });
}

/** The fixed "now" of every story page (relative times and "closes in" read the same on every run). */
export const NOW = Date.parse('2026-11-20T10:00:00Z');

/**
 * Open story `id` in a new page (`globals` as in the toolbar, e.g. {theme: 'dark'}; `width`/`height`
 * of the viewport) and wait until it finished rendering and playing; resolves to
 * `{page, errors}` (errors: what Storybook or the page reported). The caller closes the page.
 */
export async function openStory(ctx, id, { globals = {}, width = 800, height = 600, timeout = 15000 } = {}) {
  const page = await ctx.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  await page.setUserAgent(`${await ctx.browser.userAgent()} StorybookTestRunner`);
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.evaluateOnNewDocument(listen, NOW);
  const g = Object.entries(globals).map(([k, v]) => `${k}:${v}`).join(';');
  await page.goto(`${ctx.base}iframe.html?id=${encodeURIComponent(id)}&viewMode=story${g ? `&globals=${g}` : ''}`, { waitUntil: 'load' });
  try {
    await page.waitForFunction(() => window.__koloStory?.finished, { timeout, polling: 50 });
  } catch {
    const phase = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase).catch(() => undefined);
    errors.push(`the story did not finish within ${timeout / 1000} s (render phase: ${phase ?? 'none'})`);
  }
  errors.push(...(await page.evaluate(() => window.__koloStory?.errors ?? [])));
  return { page, errors };
}

/**
 * Wait until every Lit element on the page (also inside shadow roots) has rendered and the fonts
 * loaded (at most `timeout` ms; a background page gets no animation frames, so none are awaited).
 */
export async function settle(page, timeout = 5000) {
  const done = await page.evaluate(async (timeout) => {
    const all = (node) => [...node.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    const work = async () => {
      for (let round = 0; round < 5; round++) {
        const again = await Promise.all(all(document).filter((el) => el.updateComplete).map((el) => el.updateComplete));
        if (again.every((finished) => finished !== false)) break;
      }
      await document.fonts.ready;
      return true;
    };
    return Promise.race([work(), new Promise((r) => setTimeout(() => r(false), timeout))]);
  }, timeout);
  if (!done) throw new Error(`the widgets did not finish rendering within ${timeout / 1000} s`);
}

/** How many story pages are open at once (KOLO_STORYBOOK_JOBS, default 3). */
const JOBS = Number(process.env.KOLO_STORYBOOK_JOBS ?? 3);

/**
 * Run `work(item)` for every item, a few at a time, and record each as one check named `name(item)`,
 * in the items' order (the output reads the same however the work interleaves).
 */
export async function checkEach(ctx, items, name, work) {
  let next = 0;
  const settled = items.map(() => {
    let resolve;
    const p = new Promise((r) => (resolve = r));
    return { p, resolve };
  });
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      settled[i].resolve(await work(items[i]).then(() => null, (error) => error ?? new Error('failed')));
    }
  };
  const workers = Array.from({ length: Math.max(1, JOBS) }, worker);
  for (let i = 0; i < items.length; i++) {
    await ctx.check(name(items[i]), async () => {
      const error = await settled[i].p;
      if (error) throw error;
    });
  }
  await Promise.all(workers);
}
