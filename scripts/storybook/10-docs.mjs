// Storybook as the designers' home, checked in the built storybook-static: a docs page per widget
// written from the manifest (API tables with events, parts and custom states, the four import
// lines), the guide pages, controls for the public API only, and the toolbar globals (theme, dir,
// lang), the CSS custom property controls and the Actions panel reaching the widgets.
import { readFileSync } from 'node:fs';
import { readRegistry } from '../registry.mjs';

export const title = 'docs pages, guides, controls and toolbar';

const manifest = JSON.parse(readFileSync(new URL('../../packages/widgets/custom-elements.json', import.meta.url), 'utf8'));
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

const GUIDES = ['Getting started', 'Theming with the tokens', 'Adapters', 'The server', 'Accessibility statement'];
/** Members of the base class and its machinery that must never become a control. */
const INTERNAL = ['tally', 'internals', 'translator', 'translatorLang', 'viewTimer', 'viewed', 'viewObserver', 'messageBundles', 'widgetKind', 'content', 'define'];
const POLL = 'widgets-poll--fresh';

/** Open `path` (relative to storybook-static) in a new page; the caller closes it. */
async function open(ctx, path) {
  const page = await ctx.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewport({ width: 1000, height: 800 });
  await page.goto(ctx.base + path, { waitUntil: 'load' });
  return { page, errors };
}

/**
 * Open docs entry `id` and read its text until `lacks(text)` (what it still lacks) is empty: its code
 * blocks render after its headings. Throws naming what is missing after 20 s.
 */
async function docsPage(ctx, id, lacks) {
  const { page, errors } = await open(ctx, `iframe.html?id=${id}&viewMode=docs`);
  try {
    let missing = ['the page'];
    for (const end = Date.now() + 20000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
      missing = lacks(await page.evaluate(() => document.querySelector('.sbdocs-content')?.innerText ?? ''));
      if (!missing.length) return;
    }
    throw new Error(`${id}: ${missing.slice(0, 8).join('; ')}${errors.length ? ` (${errors.join('; ')})` : ''}`);
  } finally {
    await page.close();
  }
}

/** The story's first widget (in the page's context). */
const WIDGET = `[...document.querySelectorAll('#storybook-root *')].find((e) => e.localName.startsWith('kolo-'))`;

/** A story's page with the first widget rendered (its `part=base` in place); `globals` as the toolbar sets them. */
async function story(ctx, id, globals = '') {
  const { page, errors } = await open(ctx, `iframe.html?id=${id}&viewMode=story${globals ? `&globals=${globals}` : ''}`);
  await page.waitForFunction(`${WIDGET}?.shadowRoot?.querySelector('[part~=base]')`, { timeout: 20000 }).catch(() => {
    throw new Error(`${id}: no widget rendered${errors.length ? ` (${errors.join('; ')})` : ''}`);
  });
  return page;
}

/** Read `fn(widget, base)` in the page, after a frame (the widget reads the page's color-scheme before one). */
const inWidget = (page, fn) =>
  page.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))).then(() => {
    const w = ${WIDGET};
    return (${fn})(w, w.shadowRoot.querySelector('[part~=base]'));
  })`);

/** Relative luminance (0 black … 1 white) of a computed `rgb()` color. */
function luminance(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function must(ok, message) {
  if (!ok) throw new Error(message);
}

async function widgetPages(ctx) {
  const { widgets } = await readRegistry();
  const docs = Object.values(ctx.index.entries).filter((e) => e.type === 'docs' && e.title.startsWith('Widgets/'));
  const shown = new Map();
  for (const entry of docs) {
    await ctx.check(`docs page ${entry.title}: API tables and import lines from the manifest`, () =>
      docsPage(ctx, entry.id, (text) => {
        const tag = text.match(/<(kolo-[a-z-]+)>:/)?.[1];
        const decl = declarations.find((d) => d.tagName === tag);
        if (!decl) return ['a <kolo-…> summary'];
        shown.set(tag, entry.id);
        const entryName = widgets.find((w) => w.tag === tag).entry;
        const expected = [`dist/cdn/${tag}.js`, `import '@kolo/widgets/define/${entryName}';`, `from '@kolo/widgets/react'`, `from '@kolo/widgets/vue'`];
        for (const [table, items, show] of [
          ['Events', decl.events, (n) => n],
          ['CSS parts', decl.cssParts, (n) => `${tag}::part(${n})`],
          ['Custom states', decl.cssStates, (n) => `${tag}:state(${n})`],
        ])
          expected.push(`\n${table}\n`, ...(items ?? []).map(({ name }) => show(name)));
        return expected.filter((line) => !text.includes(line)).map((line) => `no "${line.trim()}"`);
      }),
    );
  }
  await ctx.check('every widget of the registry has a docs page', () => {
    const missing = widgets.filter((w) => !shown.has(w.tag)).map((w) => w.tag);
    must(!missing.length, `no docs page for ${missing.join(', ')}`);
  });
}

async function guides(ctx) {
  const entries = Object.values(ctx.index.entries).filter((e) => e.type === 'docs' && e.title.startsWith('Guides/'));
  for (const name of GUIDES) {
    await ctx.check(`guide "${name}" is in the sidebar and renders`, async () => {
      const entry = entries.find((e) => e.title === `Guides/${name}`);
      must(entry, `no docs entry "Guides/${name}"`);
      await docsPage(ctx, entry.id, (text) =>
        [name, ...(name === 'Getting started' ? ['React', 'Vue', '@kolo/widgets/define'] : [])]
          .filter((word) => !text.includes(word))
          .map((word) => `no "${word}"`)
          .concat(text.length > 1500 ? [] : [`only ${text.length} characters`]),
      );
    });
  }
}

/** What is wrong with one widget's controls: internals, a property twice (pollId and poll-id), a part with a control. */
function wrongControls(decl, argTypes) {
  const rows = Object.entries(argTypes);
  const names = rows.map(([, t]) => t.name);
  const wrong = INTERNAL.filter((name) => names.includes(name)).map((name) => `internal "${name}" has a row`);
  if (new Set(names).size !== names.length) wrong.push(`a name twice: ${names.join(', ')}`);
  for (const m of decl.members.filter((m) => m.attribute && m.attribute !== m.name && !m.readonly))
    if (m.name in argTypes || argTypes[m.attribute]?.name !== m.name) wrong.push(`${m.name} / ${m.attribute}: not one row`);
  for (const [key, t] of rows) if (t.table?.category === 'css shadow parts' && !t.control?.disable) wrong.push(`part ${key} has a control`);
  for (const p of decl.cssProperties ?? []) if (/color/.test(p.name) && argTypes[p.name]?.control?.type !== 'color') wrong.push(`${p.name}: no color control`);
  return wrong;
}

async function controls(ctx) {
  await ctx.check('every widget\'s controls: public properties once each, parts without a control, color controls for colors', async () => {
    const firsts = new Map();
    for (const e of Object.values(ctx.index.entries)) if (e.type === 'story' && e.title.startsWith('Widgets/') && !firsts.has(e.title)) firsts.set(e.title, e.id);
    const page = await story(ctx, POLL);
    try {
      const wrong = [];
      for (const id of firsts.values()) {
        const { component, argTypes } = await page.evaluate(async (storyId) => {
          const s = await window.__STORYBOOK_PREVIEW__.storyStoreValue.loadStory({ storyId });
          return { component: s.component, argTypes: s.argTypes };
        }, id);
        wrong.push(...wrongControls(declarations.find((d) => d.tagName === component), argTypes).map((w) => `${component}: ${w}`));
      }
      must(firsts.size === declarations.length && !wrong.length, `${firsts.size} widgets; ${wrong.join('; ')}`);
    } finally {
      await page.close();
    }
  });
  await ctx.check('the --kolo-color-accent control restyles the vote button', async () => {
    const page = await story(ctx, POLL);
    try {
      const before = await inWidget(page, (w) => getComputedStyle(w.shadowRoot.querySelector('[part~=vote-button]')).backgroundColor);
      await page.evaluate((id) => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateStoryArgs', { storyId: id, updatedArgs: { '--kolo-color-accent': '#aa0000' } }), POLL);
      await page.waitForFunction(`${WIDGET}.style.getPropertyValue('--kolo-color-accent')`, { timeout: 5000 });
      const after = await inWidget(page, (w) => getComputedStyle(w.shadowRoot.querySelector('[part~=vote-button]')).backgroundColor);
      must(after === 'rgb(170, 0, 0)', `vote button ${before} → ${after}`);
    } finally {
      await page.close();
    }
  });
}

async function globals(ctx) {
  await ctx.check('theme: dark (from the URL and switched in the toolbar) makes part=base dark, light keeps it light', async () => {
    const bg = (w, base) => getComputedStyle(base).backgroundColor;
    const light = await story(ctx, POLL, 'theme:light');
    try {
      const l = await inWidget(light, bg);
      must(luminance(l) > 0.8, `light: ${l}`);
      await light.evaluate(() => window.__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { theme: 'dark' } }));
      await light.waitForFunction(() => document.documentElement.style.colorScheme === 'dark', { timeout: 5000 });
      const switched = await inWidget(light, bg);
      must(luminance(switched) < 0.1, `switched to dark: ${switched}`);
    } finally {
      await light.close();
    }
    const dark = await story(ctx, POLL, 'theme:dark');
    try {
      const d = await inWidget(dark, bg);
      must(luminance(d) < 0.1, `dark: ${d}`);
    } finally {
      await dark.close();
    }
  });
  await ctx.check('theme: page follows the page\'s color-scheme (light dark: the OS, dark here)', async () => {
    const page = await story(ctx, POLL, 'theme:page');
    try {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      const d = await inWidget(page, (w, base) => getComputedStyle(base).backgroundColor);
      must(luminance(d) < 0.1, `OS dark, theme page: ${d}`);
    } finally {
      await page.close();
    }
  });
  await ctx.check('dir: rtl reaches the widget (:dir(rtl), computed direction)', async () => {
    const page = await story(ctx, POLL, 'dir:rtl');
    try {
      const [matches, direction] = await inWidget(page, (w, base) => [w.matches(':dir(rtl)'), getComputedStyle(base).direction]);
      must(matches && direction === 'rtl', `:dir(rtl) ${matches}, direction ${direction}`);
    } finally {
      await page.close();
    }
  });
  await ctx.check('lang: uk shows the widget\'s Ukrainian strings', async () => {
    const vote = async (lang) => {
      // one page at a time: a page in a background tab runs no animation frame
      const page = await story(ctx, POLL, `lang:${lang}`);
      try {
        return await inWidget(page, (w) => w.shadowRoot.querySelector('[part~=vote-button]').textContent.trim());
      } finally {
        await page.close();
      }
    };
    const [en, uk] = [await vote('en'), await vote('uk')];
    must(/^[\s\p{Script=Cyrillic}]+$/u.test(uk) && en !== uk, `vote button: en "${en}", uk "${uk}"`);
  });
}

async function actions(ctx) {
  await ctx.check('the Actions panel logs kolo-vote after a vote', async () => {
    const page = await story(ctx, POLL);
    try {
      await page.evaluate(() => {
        window.__koloActions = [];
        window.__STORYBOOK_ADDONS_CHANNEL__.on('storybook/actions/action-event', (e) => window.__koloActions.push(e.data.name));
      });
      await inWidget(page, (w) => {
        w.shadowRoot.querySelector('[part~=input]').click();
      });
      await inWidget(page, (w) => w.shadowRoot.querySelector('[part~=vote-button]').click());
      await page.waitForFunction(() => window.__koloActions.includes('kolo-vote'), { timeout: 5000 }).catch(async () => {
        throw new Error(`actions logged: ${JSON.stringify(await page.evaluate(() => window.__koloActions))}`);
      });
    } finally {
      await page.close();
    }
  });
}

export default async function run(ctx) {
  await widgetPages(ctx);
  await guides(ctx);
  await controls(ctx);
  await globals(ctx);
  await actions(ctx);
}
