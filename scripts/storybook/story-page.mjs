// Open stories in the preview iframe and wait until Storybook says each is done, for the check modules.
// A lane is one page that shows its stories one after another, as Storybook's own test runner does:
// the first by loading iframe.html, the next ones by asking the preview for them (`setCurrentStory`),
// so the preview's code is not loaded again for every story; storage and the URL's hash are cleared
// between stories, and after a story that failed the lane starts again with a fresh page. Completion is read from the preview's own channel (`window.__STORYBOOK_ADDONS_CHANNEL__`), caught the
// moment the preview installs it: `storyFinished` ends every render (also after a play function threw),
// and `storyErrored` / `storyThrewException` / `playFunctionThrewException` /
// `unhandledErrorsWhilePlaying` / `storyMissing` say what went wrong. A user agent naming
// "StorybookTestRunner" makes Storybook pause CSS animations, as it does for its own test runner.

/** Runs in the page before any script: records the channel's story events in `window.__koloStory`. */
function listen(now) {
  const state = { finished: false, errors: [] };
  window.__koloStory = state;
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

/** The next story in a lane's page: a clean slate, then the preview is asked for it. */
function next(id) {
  localStorage.clear();
  sessionStorage.clear();
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  Object.assign(window.__koloStory, { finished: false, errors: [] });
  window.__STORYBOOK_ADDONS_CHANNEL__.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
}

/** One page showing stories one after another, with fixed toolbar `globals` and viewport size. */
export class StoryPage {
  constructor(ctx, { globals = {}, width = 800, height = 600, timeout = 15000 } = {}) {
    Object.assign(this, { ctx, globals, width, height, timeout, context: null, page: null, errors: [] });
  }

  /** Show story `id` and wait until it finished rendering and playing; resolves to `{page, errors}`. */
  async open(id) {
    this.errors = [];
    if (!this.page) await this.load(id);
    else await this.page.evaluate(next, id);
    try {
      await this.page.waitForFunction(() => window.__koloStory?.finished, { timeout: this.timeout, polling: 50 });
    } catch {
      const phase = await this.page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase).catch(() => undefined);
      this.errors.push(`the story did not finish within ${this.timeout / 1000} s (render phase: ${phase ?? 'none'})`);
    }
    this.errors.push(...(await this.page.evaluate(() => window.__koloStory?.errors ?? [])));
    return { page: this.page, errors: this.errors };
  }

  async load(id) {
    const { browser, base } = this.ctx;
    // a browser context of its own: its one page is in front, so it gets frames (animation frames,
    // intersection and resize observers) while the other lanes work too
    this.context ??= await browser.createBrowserContext();
    const page = (this.page = await this.context.newPage());
    page.on('pageerror', (e) => this.errors.push(`page error: ${e.message}`));
    await page.setUserAgent(`${await browser.userAgent()} StorybookTestRunner`);
    await page.setViewport({ width: this.width, height: this.height, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.evaluateOnNewDocument(listen, NOW);
    const g = Object.entries(this.globals).map(([k, v]) => `${k}:${v}`).join(';');
    await page.goto(`${base}iframe.html?id=${encodeURIComponent(id)}&viewMode=story${g ? `&globals=${g}` : ''}`, { waitUntil: 'load' });
  }

  /** Start again with a fresh page (after a story that failed). */
  async restart() {
    await this.page?.close().catch(() => {});
    this.page = null;
  }

  async close() {
    await this.context?.close().catch(() => {});
    Object.assign(this, { context: null, page: null });
  }
}

/**
 * Wait until every Lit element on the page (also inside shadow roots) has rendered and the fonts
 * loaded, and two frames passed (at most `timeout` ms).
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
      // two frames: layout, scroll snapping and observers catch up (each lane's page is in front)
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return true;
    };
    return Promise.race([work(), new Promise((r) => setTimeout(() => r(false), timeout))]);
  }, timeout);
  if (!done) throw new Error(`the widgets did not finish rendering within ${timeout / 1000} s`);
}

/** How many pages show stories at once (KOLO_STORYBOOK_JOBS, default 3). */
export const JOBS = Math.max(1, Number(process.env.KOLO_STORYBOOK_JOBS ?? 3));

/**
 * Record one check per item, named `name(item)`, in the items' order. The work runs in lanes, each
 * its own StoryPage (`lane(item)` gives the lane's key and StoryPage options, e.g. its globals), the
 * lanes side by side: `work(item, storyPage)` throws what is wrong.
 */
export async function checkInLanes(ctx, items, { lane, name, work }) {
  const lanes = new Map();
  const results = items.map((item) => {
    const { key, ...options } = lane(item);
    if (!lanes.has(key)) lanes.set(key, { options, items: [] });
    let resolve;
    const done = new Promise((r) => (resolve = r));
    lanes.get(key).items.push({ item, resolve });
    return done;
  });
  const run = async ({ options, items: mine }) => {
    const sp = new StoryPage(ctx, options);
    for (const { item, resolve } of mine) {
      const error = await work(item, sp).then(() => null, (e) => e ?? new Error('failed'));
      if (error) await sp.restart();
      resolve(error);
    }
    await sp.close();
  };
  const running = Promise.all([...lanes.values()].map(run));
  for (let i = 0; i < items.length; i++) {
    await ctx.check(name(items[i]), async () => {
      const error = await results[i];
      if (error) throw error;
    });
  }
  await running;
}
