import { dirname } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { readRegistry } from '../../scripts/registry.mjs';

const { widgets, className } = await readRegistry();

/**
 * Custom-elements manifest: generated from the JSDoc of the elements (the TypeScript sources, which
 * hold the types), then made to describe the package as it ships: module paths are the published
 * `dist/**.js`, only the public API stays, every event names its class, and each tag has its
 * definition (the `define/*` module that registers it). Feeds Storybook controls, the editor data
 * (web-types, VS Code) and the React/Vue types (`scripts/gen-framework-types.mjs`).
 */

/** `src/x.ts` → `dist/x.js`: the file that ships. */
const shipped = (path) => path.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');

/** Each domain event's class and module, read from src/events (`static readonly type = 'kolo-…'`). */
function eventClasses() {
  const classes = new Map();
  for (const file of readdirSync('src/events').filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(`src/events/${file}`, 'utf8');
    for (const m of text.matchAll(/export class (\w+) extends KoloEvent<[^{]*\{\s*static readonly type = '([\w-]+)'/g)) {
      classes.set(m[2], { name: m[1], module: shipped(`src/events/${file}`) });
    }
  }
  return classes;
}

/** What the analyzer reads wrongly from Kolo's sources, and what the published manifest leaves out. */
function koloFixes() {
  return {
    name: 'kolo-fixes',
    packageLinkPhase({ customElementsManifest }) {
      const events = eventClasses();
      for (const mod of customElementsManifest.modules) {
        // `KoloElement.define(tag)` looks like the registration of an element named "tag"
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
        for (const decl of mod.declarations ?? []) {
          if (decl.tagName && !decl.tagName.includes('-')) {
            delete decl.tagName;
            delete decl.customElement;
          }
          publicOnly(decl);
          decl.events = decl.events?.filter((e) => e.name).map((e) => typedEvent(e, events));
        }
      }
    },
  };
}

/** Leaves out private, protected and `@internal` members and state, and static plumbing (all but `define`). */
function publicOnly(decl) {
  const hidden = (m) => m.privacy === 'private' || m.privacy === 'protected' || /@internal/.test(m.description ?? '') || (m.static && m.name !== 'define');
  const gone = new Set(decl.members?.filter(hidden).map((m) => m.name));
  decl.members = decl.members?.filter((m) => !gone.has(m.name));
  decl.attributes = decl.attributes?.filter((a) => !gone.has(a.fieldName ?? a.name));
}

/** An event with its class: `KoloVoteEvent` from `dist/events/kolo-vote.js`; native events keep their JSDoc type. */
function typedEvent(event, classes) {
  const cls = classes.get(event.name);
  if (!cls) {
    if (!event.type) throw new Error(`event ${event.name}: no class in src/events and no {Type} in its @event tag`);
    return event;
  }
  return { ...event, type: { text: cls.name, references: [{ name: cls.name, module: cls.module, start: 0, end: cls.name.length }] } };
}

/** Only the published modules (elements and their base classes), at their `dist` paths, plus one definition module per tag. */
function shippedModules() {
  return {
    name: 'kolo-shipped',
    packageLinkPhase({ customElementsManifest: cem }) {
      const bases = new Set(cem.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.superclass?.name)));
      cem.modules = cem.modules.filter((m) => m.declarations?.some((d) => d.customElement || bases.has(d.name)));
      rewrite(cem, (key, value) => ((key === 'path' || key === 'module') && typeof value === 'string' ? shipped(value) : value));
      for (const w of widgets) {
        const cls = className(w.tag);
        cem.modules.push({
          kind: 'javascript-module',
          path: `dist/define/kolo-${w.entry}.js`,
          declarations: [],
          exports: [{ kind: 'custom-element-definition', name: w.tag, declaration: { name: cls, module: shipped(`src/${w.module}`) } }],
        });
      }
    },
  };
}

/** Replaces every value in `node` (deeply) by `fn(key, value)`. */
function rewrite(node, fn) {
  if (Array.isArray(node)) return node.forEach((n) => rewrite(n, fn));
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    node[k] = fn(k, v);
    rewrite(node[k], fn);
  }
}

export default {
  // every widget of the registry, with the base classes it extends and its family's controllers
  globs: ['src/base/kolo-element.ts', ...new Set(widgets.flatMap((w) => [`src/${dirname(w.module)}/*.ts`, `src/${w.family}/*-{controller,element}.ts`]))],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [koloFixes(), shippedModules()],
};
