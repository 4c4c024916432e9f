import { dirname } from 'node:path';
import { readRegistry } from '../../scripts/registry.mjs';

const { widgets } = await readRegistry();

/**
 * Custom-elements manifest: generated from the JSDoc of the elements. Feeds Storybook controls,
 * editor completion and the API docs.
 */

/** Internal reactive state (`{ state: true }` in `static properties`) is not public API. */
function hideInternalState() {
  const internal = new Map(); // class name → Set of state names
  return {
    name: 'kolo-hide-internal-state',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (member.name?.getText() !== 'properties' || !member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        for (const prop of member.initializer.properties) {
          if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) continue;
          const isState = prop.initializer.properties.some(
            (p) => ts.isPropertyAssignment(p) && p.name.getText() === 'state' && p.initializer.kind === ts.SyntaxKind.TrueKeyword,
          );
          if (isState) {
            const set = internal.get(node.name.getText()) ?? new Set();
            set.add(prop.name.getText());
            internal.set(node.name.getText(), set);
          }
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        // `KoloElement.define(tag)` is not a registration of an element named "tag".
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
        for (const decl of mod.declarations ?? []) {
          if (decl.tagName && !decl.tagName.includes('-')) {
            delete decl.tagName;
            delete decl.customElement;
          }
          const hidden = internal.get(decl.name) ?? new Set();
          decl.attributes = decl.attributes?.filter((a) => !hidden.has(a.fieldName ?? a.name));
          decl.members = decl.members?.filter((m) => !hidden.has(m.name));
          decl.events = decl.events?.filter((e) => e.name);
        }
      }
    },
  };
}

/**
 * Attributes shared through a spread (`...tallyProperties` in `static properties`): the analyzer
 * does not follow the spread, so read the shared objects and add their attributes to each element.
 */
function sharedProperties() {
  const shared = new Map(); // object name → [{ field, attribute }]
  const spreads = new Map(); // class name → object names
  return {
    name: 'kolo-shared-properties',
    analyzePhase({ ts, node }) {
      if (ts.isVariableDeclaration(node) && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
        const entries = [];
        for (const prop of node.initializer.properties) {
          if (!ts.isPropertyAssignment(prop) || !ts.isObjectLiteralExpression(prop.initializer)) return;
          const field = prop.name.getText();
          const attr = prop.initializer.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'attribute');
          if (attr?.initializer.kind === ts.SyntaxKind.FalseKeyword) continue;
          entries.push({ field, attribute: attr && ts.isStringLiteral(attr.initializer) ? attr.initializer.text : field.toLowerCase() });
        }
        shared.set(node.name.getText(), entries);
      }
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (member.name?.getText() !== 'properties' || !member.initializer || !ts.isObjectLiteralExpression(member.initializer)) continue;
        const names = member.initializer.properties.filter(ts.isSpreadAssignment).map((s) => s.expression.getText());
        spreads.set(node.name.getText(), names);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          for (const name of spreads.get(decl.name) ?? []) {
            for (const { field, attribute } of shared.get(name) ?? []) {
              decl.attributes ??= [];
              if (decl.attributes.some((a) => a.name === attribute)) continue;
              const member = decl.members?.find((m) => m.name === field);
              if (!member) continue;
              member.attribute = attribute;
              decl.attributes.push({ name: attribute, fieldName: field, ...(member.type ? { type: member.type } : {}), ...(member.description ? { description: member.description } : {}) });
            }
          }
        }
      }
    },
  };
}

export default {
  // every widget of the registry, with the base class and its family's controllers (their members are inherited)
  globs: ['src/base/kolo-element.ts', ...new Set(widgets.flatMap((w) => [`src/${dirname(w.module)}/*.ts`, `src/${w.family}/*-controller.ts`]))],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  plugins: [hideInternalState(), sharedProperties()],
};
