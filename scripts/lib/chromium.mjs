// The Chromium every browser script and test runner here uses: this machine's (CHROME_PATH, else
// /usr/bin/chromium), headless, without its background work (updates, sync, networking of its own).

/** Chromium's flags in every run: `--no-sandbox` (as root, in containers) and no background work. */
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Launch options for puppeteer (and web-test-runner's chromeLauncher): `args` are added to the flags, the rest as given. */
export function chromiumOptions({ args = [], ...options } = {}) {
  return { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, ...options, args: [...CHROMIUM_FLAGS, ...args] };
}

/** A puppeteer browser with `chromiumOptions(options)`. */
export async function launchChromium(options) {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch(chromiumOptions(options));
}
