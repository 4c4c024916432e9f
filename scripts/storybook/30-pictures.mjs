// Pictures: every story in four variants (light, dark, right to left, a 375 px phone), screenshotted in
// Chromium after it finished rendering and playing, clipped to the story root, and compared pixel by
// pixel with the baselines committed in packages/widgets/pictures/ (`<story id>.<variant>.png`).
// A size change or more than TOLERANCE of the pixels differing fails; the actual picture and a diff
// go to .test-results/storybook-pictures/. `pnpm pictures:update` (--update-pictures) writes the
// baselines from the built Storybook instead, and removes those of stories that no longer exist.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { checkInLanes, settle } from './story-page.mjs';

export const title = 'pictures of every story (light, dark, right to left, phone) match the baselines';

/** Share of a picture's pixels that may differ (beyond pixelmatch's own colour threshold) and still pass. */
const TOLERANCE = 0.0001;
/** pixelmatch's per-pixel colour distance (0…1) below which two pixels count as the same. */
const THRESHOLD = 0.1;

/** The variants, each shown by its own page (a lane of story-page.mjs). */
const VARIANTS = {
  light: {},
  dark: { globals: { theme: 'dark' } },
  rtl: { globals: { dir: 'rtl' } },
  phone: { width: 375, height: 667 },
};

/** No caret, no scrollbars: the same picture on every run. */
const STILL = '*, *::before, *::after { caret-color: transparent !important; }';

/** The story root's box, grown to take in open popovers (they are drawn in the top layer, outside it). */
function box() {
  const all = (node) => [...node.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
  const rects = [document.querySelector('#storybook-root').getBoundingClientRect()];
  for (const el of all(document)) if (el.matches(':popover-open')) rects.push(el.getBoundingClientRect());
  const x = Math.max(0, Math.floor(Math.min(...rects.map((r) => r.left))));
  const y = Math.max(0, Math.floor(Math.min(...rects.map((r) => r.top))));
  const right = Math.ceil(Math.max(...rects.map((r) => r.right)));
  const bottom = Math.ceil(Math.max(...rects.map((r) => r.bottom)));
  return { x: x + scrollX, y: y + scrollY, width: Math.max(1, right - x), height: Math.max(1, bottom - y) };
}

/** Compare `actual` (PNG bytes) with the baseline at `file`; resolves to what differs, or null. */
function compare(file, actual, out, name) {
  if (!existsSync(file)) return `no baseline ${file} (run \`pnpm pictures:update\`)`;
  const want = PNG.sync.read(readFileSync(file));
  const got = PNG.sync.read(actual);
  const keep = (diff) => {
    if (!out) return;
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${name}.actual.png`), actual);
    if (diff) writeFileSync(join(out, `${name}.diff.png`), PNG.sync.write(diff));
  };
  if (want.width !== got.width || want.height !== got.height) {
    keep();
    return `size ${got.width}×${got.height} px, baseline ${want.width}×${want.height} px (actual in ${out})`;
  }
  const diff = new PNG({ width: want.width, height: want.height });
  const differing = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: THRESHOLD });
  if (differing <= TOLERANCE * want.width * want.height) return null;
  keep(diff);
  return `${differing} of ${want.width * want.height} pixels differ (actual and diff in ${out})`;
}

/** The picture of `story` in the variant `sp` shows, as PNG bytes. */
async function shoot(story, sp) {
  const { page, errors } = await sp.open(story.id);
  if (errors.length) throw new Error(errors.join('\n'));
  if (!(await page.$('#kolo-still'))) await page.addStyleTag({ content: STILL }).then((h) => h.evaluate((s) => (s.id = 'kolo-still')));
  await settle(page);
  await page.waitForNetworkIdle({ idleTime: 100, timeout: 5000 });
  // a viewport tall enough for the whole story (only its height changes: a capture beyond the
  // viewport would resize the page for a moment, and a carousel would re-snap while it is drawn)
  let clip = await page.evaluate(box);
  const { width, height } = sp;
  if (clip.y + clip.height > height) {
    await page.setViewport({ width, height: Math.ceil(clip.y + clip.height), deviceScaleFactor: 1 });
    await settle(page);
    clip = await page.evaluate(box);
  }
  const png = Buffer.from(await page.screenshot({ clip, captureBeyondViewport: false }));
  if (clip.y + clip.height > height) await page.setViewport({ width, height, deviceScaleFactor: 1 });
  return png;
}

export default async function run(ctx) {
  const update = ctx.args.includes('--update-pictures');
  const dir = join(ctx.root, 'packages/widgets/pictures');
  const out = join(ctx.root, '.test-results/storybook-pictures');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const jobs = ctx.stories.flatMap((story) => Object.keys(VARIANTS).map((variant) => ({ story, variant })));
  await checkInLanes(ctx, jobs, {
    lane: ({ variant }) => ({ key: variant, ...VARIANTS[variant] }),
    name: ({ story, variant }) => `picture: ${story.title} › ${story.name} (${variant})`,
    work: async ({ story, variant }, sp) => {
      const png = await shoot(story, sp);
      const name = `${story.id}.${variant}`;
      const file = join(dir, `${name}.png`);
      if (update) {
        if (!existsSync(file) || compare(file, png, null, name)) writeFileSync(file, png);
        return;
      }
      const problem = compare(file, png, out, name);
      if (problem) throw new Error(problem);
    },
  });
  if (ctx.stories.length !== Object.values(ctx.index.entries).filter((e) => e.type === 'story').length) return;
  const wanted = new Set(ctx.stories.flatMap((s) => Object.keys(VARIANTS).map((v) => `${s.id}.${v}.png`)));
  const stale = readdirSync(dir).filter((f) => f.endsWith('.png') && !wanted.has(f));
  if (update) for (const f of stale) rmSync(join(dir, f));
  await ctx.check('every baseline picture belongs to a story', () => {
    if (stale.length && !update) throw new Error(`no story for ${stale.join(', ')} (run \`pnpm pictures:update\`)`);
  });
  if (existsSync(out)) console.log(`   pictures that differ: ${out}`);
}
