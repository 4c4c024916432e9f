import { dirname } from 'node:path';
import { readRegistry } from '../../scripts/registry.mjs';

const { widgets } = await readRegistry();

/**
 * Custom-elements manifest: generated from the JSDoc of the elements. Feeds Storybook controls,
 * editor completion and the API docs.
 */

/**
 * What the analyzer reads wrongly from Kolo's sources: `KoloElement.define(tag)` looks like the
 * registration of an element named "tag"; internal reactive state (`{ state: true }`, a private
 * field) looks like an attribute; events it cannot name are dropped.
 */
function koloFixes() {
  return {
    name: 'kolo-fixes',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
        for (const decl of mod.declarations ?? []) {
          if (decl.tagName && !decl.tagName.includes('-')) {
            delete decl.tagName;
            delete decl.customElement;
          }
          const state = new Set(decl.members?.filter((m) => m.privacy === 'private' && m.attribute).map((m) => m.name));
          decl.attributes = decl.attributes?.filter((a) => !state.has(a.fieldName ?? a.name));
          decl.members = decl.members?.filter((m) => !state.has(m.name));
          decl.events = decl.events?.filter((e) => e.name);
        }
      }
    },
  };
}

export default {
  // every widget of the registry, with the base classes it extends and its family's controllers
  globs: ['src/base/kolo-element.ts', ...new Set(widgets.flatMap((w) => [`src/${dirname(w.module)}/*.ts`, `src/${w.family}/*-{controller,element}.ts`]))],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [koloFixes()],
};
