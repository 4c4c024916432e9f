// Every story renders in the preview iframe without an error, its play function (if any) passes, its
// widgets are not showing "invalid content" (unless the story's name says Invalid…, which then must),
// and axe finds no violation in the story root.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JOBS, checkInLanes, settle } from './story-page.mjs';

export const title = 'every story renders, plays and passes axe';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What the page shows: the widgets in the story root (also nested ones) and whether each is invalid. */
const widgets = () => {
  const all = (node) => [...node.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
  return all(document.querySelector('#storybook-root'))
    .filter((el) => el.localName.startsWith('kolo-'))
    .map((el) => ({ tag: el.localName, invalid: el.matches(':state(invalid)'), text: el.shadowRoot?.querySelector('[part~=error]')?.textContent?.trim() ?? '' }));
};

async function axe(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const r = await window.axe.run('#storybook-root', { resultTypes: ['violations'] });
    return r.violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/** Open one story; throws what is wrong with it. */
async function verify(story, sp) {
  const { page, errors } = await sp.open(story.id);
  if (!errors.length) {
    await settle(page);
    const shown = await page.evaluate(widgets);
    const meantInvalid = /^invalid/i.test(story.name);
    if (!shown.length) errors.push('no kolo-* element in the story root');
    for (const w of shown) {
      if (w.invalid && !meantInvalid) errors.push(`<${w.tag}> shows invalid content: ${w.text}`);
    }
    if (meantInvalid && !shown.some((w) => w.invalid)) errors.push('the story is named Invalid… but no widget shows invalid content');
    errors.push(...(await axe(page)));
  }
  if (errors.length) throw new Error(errors.join('\n'));
}

export default async function run(ctx) {
  await checkInLanes(ctx, ctx.stories, {
    lane: (story) => ({ key: ctx.stories.indexOf(story) % JOBS }),
    name: (story) => `${story.title} › ${story.name} renders${story.tags.includes('play-fn') ? ', plays' : ''} and passes axe`,
    work: verify,
  });
}
