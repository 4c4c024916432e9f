import type { Decorator, StoryContext } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { action } from 'storybook/actions';
import { eventNames } from './manifest.ts';

/**
 * The decorators that make the toolbar and the Controls and Actions panels reach the widgets.
 * Toolbar globals (the story checks in scripts/storybook/ and stories' `globals` rely on these names):
 * `theme` light | dark | page (follow the page: `light dark`, the OS), `dir` ltr | rtl, `lang` en | uk.
 */

/** The `color-scheme` the page says for each `theme` global; widgets follow the page's (`src/base/scheme.ts`). */
const SCHEMES: Record<string, string> = { light: 'light', dark: 'dark', page: 'light dark' };

/**
 * The page around the story: its color scheme, direction and language. In the story view the whole
 * canvas takes the scheme (`Canvas`/`CanvasText` follow it); on a docs page only the story's own box,
 * so the docs stay readable. A story whose content follows a `lang` arg it leaves unset gets the
 * language too, so its authored text matches the widget's strings.
 */
export const withPage: Decorator = (story, ctx) => {
  const { theme, dir, lang } = ctx.globals as Record<string, string>;
  const scheme = SCHEMES[theme ?? 'light'] ?? 'light';
  if (ctx.viewMode === 'story') {
    document.documentElement.style.colorScheme = scheme;
    document.body.style.background = 'Canvas';
    document.body.style.color = 'CanvasText';
  }
  const args = lang && lang !== 'en' && ctx.args.lang === undefined && 'lang' in ctx.argTypes ? { ...ctx.args, lang } : ctx.args;
  return html`<div
    class="kolo-page"
    dir=${dir ?? 'ltr'}
    lang=${lang ?? 'en'}
    style="color-scheme: ${scheme}; background: Canvas; color: CanvasText; padding: 1rem"
  >
    ${story({ args })}
  </div>`;
};

/** Wrappers whose event listeners are in place (one set per wrapper, however often the story renders). */
const listening = new WeakSet<Element>();

/** What an event says: a `kolo-*` event's `detail`, a native `change`/`input`'s new `value`. */
const payload = (event: Event) => (event instanceof CustomEvent ? event.detail : { value: (event.target as { value?: unknown } | null)?.value });

/** Log each of `tag`'s events (from the manifest) in the Actions panel, with what it says (the event object itself does not survive the trip to the panel). */
function logEvents(wrapper: Element, tag: string): void {
  if (listening.has(wrapper)) return;
  listening.add(wrapper);
  for (const name of eventNames(tag)) wrapper.addEventListener(name, (event) => action(name)(payload(event)));
}

/**
 * Pass the Controls to the story's widgets: CSS custom properties as inline custom properties (they
 * win over the element's own defaults), and every property a person changed in the panel, also
 * those the story's template does not bind (`signature`, `campaign`, `config`, `messages`).
 */
function applyArgs(el: HTMLElement, ctx: StoryContext): void {
  for (const [key, value] of Object.entries(ctx.args)) {
    if (key.startsWith('--')) {
      if (value === undefined || value === '') el.style.removeProperty(key);
      else el.style.setProperty(key, String(value));
      continue;
    }
    const row = ctx.argTypes[key];
    if (row?.table?.category !== 'properties' || value === ctx.initialArgs[key]) continue;
    (el as unknown as Record<string, unknown>)[row.name] = value;
  }
}

/** Controls and Actions for the widget of the story's `component` (a `kolo-*` tag). */
export const withKoloApi: Decorator = (story, ctx) => {
  const tag = ctx.component;
  if (typeof tag !== 'string' || !tag.startsWith('kolo-')) return story();
  const wire = (wrapper?: Element) => {
    if (!wrapper) return;
    logEvents(wrapper, tag);
    // the story's elements are in the wrapper once this render has committed
    queueMicrotask(() => wrapper.querySelectorAll<HTMLElement>(tag).forEach((el) => applyArgs(el, ctx)));
  };
  return html`<div class="kolo-api" style="display: contents" ${ref(wire)}>${story()}</div>`;
};
