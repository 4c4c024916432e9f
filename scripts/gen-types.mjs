#!/usr/bin/env node
// Writes what editors and frameworks need from the widgets' custom-elements manifest
// (packages/widgets/custom-elements.json, made by `pnpm manifest`), so none of it is kept by hand:
//   web-types.json                  JetBrains IDEs (package.json "web-types")
//   vscode.html-custom-data.json    VS Code ("html.customData")
//   dist/react.d.ts                 React 19 JSX types (`@kolo/widgets/react`)
//   dist/vue.d.ts                   Vue 3 GlobalComponents (`@kolo/widgets/vue`)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { widgetsDir } from './registry.mjs';
import { reactTypes, vueTypes } from './framework-types.mjs';

/**
 * @typedef {{ name: string, description?: string, type?: { text: string }, attribute?: string, readonly?: boolean }} Field
 * @typedef {{ name: string, description?: string, type?: { text: string } }} Named
 * @typedef {{ tag: string, className: string, module: string, summary: string, description: string,
 *   fields: Field[], attributes: Array<Named & { fieldName?: string }>, events: Named[], parts: Named[],
 *   cssProperties: Named[], cssStates: Named[], slots: Named[] }} ElementDoc
 */

/** The public elements of a manifest, with what each one takes and fires. @returns {ElementDoc[]} */
export function elementsOf(manifest) {
  const elements = [];
  for (const mod of manifest.modules) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      elements.push({
        tag: d.tagName,
        className: d.name,
        module: mod.path,
        summary: d.summary ?? '',
        description: d.description ?? '',
        fields: (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly),
        attributes: d.attributes ?? [],
        events: d.events ?? [],
        parts: d.cssParts ?? [],
        cssProperties: d.cssProperties ?? [],
        cssStates: d.cssStates ?? [],
        slots: d.slots ?? [],
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The string literals of a type (`'a' | 'b' | undefined` → `['a', 'b']`), or none when it is not such a union. */
export function literals(type = '') {
  const members = type.split('|').map((t) => t.trim()).filter((t) => t !== 'undefined' && t !== 'null');
  return members.length && members.every((t) => /^'[^']*'$/.test(t)) ? members.map((t) => t.slice(1, -1)) : [];
}

const isBoolean = (a) => (a.type?.text ?? '').replace(/\s*\|\s*undefined/, '') === 'boolean';
const doc = (el) => [el.summary, el.description].filter(Boolean).join('\n\n');
/** Where an element is documented: the package's homepage, when it has one. */
const docUrl = (pkg) => (pkg.homepage ? { 'doc-url': pkg.homepage } : {});

/** JetBrains web-types (https://github.com/JetBrains/web-types). */
export function webTypes(pkg, elements) {
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((el) => ({
          name: el.tag,
          description: doc(el),
          ...docUrl(pkg),
          attributes: el.attributes.map((a) => {
            const values = literals(a.type?.text);
            const value = isBoolean(a) ? { type: 'boolean', required: false } : values.length ? { type: values.map((v) => `'${v}'`).join(' | ') } : { type: a.type?.text ?? 'string' };
            return { name: a.name, description: a.description ?? '', value };
          }),
          events: el.events.map((e) => ({ name: e.name, description: e.description ?? '' })),
          slots: el.slots.map((s) => ({ name: s.name, description: s.description ?? '' })),
          js: {
            properties: el.fields.map((f) => ({ name: f.name, description: f.description ?? '', type: f.type?.text ?? 'unknown' })),
            events: el.events.map((e) => ({ name: e.name, description: e.description ?? '', type: e.type?.text })),
          },
          css: {
            parts: el.parts.map((p) => ({ name: p.name, description: p.description ?? '' })),
            properties: el.cssProperties.map((p) => ({ name: p.name, description: p.description ?? '' })),
          },
        })),
      },
    },
  };
}

/** VS Code HTML custom data (https://github.com/microsoft/vscode-custom-data). */
export function vscodeData(pkg, elements) {
  return {
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tag,
      description: [doc(el), el.events.length ? `Events: ${el.events.map((e) => `\`${e.name}\``).join(', ')}.` : ''].filter(Boolean).join('\n\n'),
      attributes: el.attributes.map((a) => {
        const values = literals(a.type?.text);
        return { name: a.name, description: a.description ?? '', ...(isBoolean(a) ? { valueSet: 'v' } : values.length ? { values: values.map((name) => ({ name })) } : {}) };
      }),
      references: pkg.homepage ? [{ name: pkg.name, url: pkg.homepage }] : [],
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(join(widgetsDir, 'custom-elements.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(widgetsDir, 'package.json'), 'utf8'));
  const elements = elementsOf(manifest);
  const json = (v) => `${JSON.stringify(v, null, 2)}\n`;
  mkdirSync(join(widgetsDir, 'dist'), { recursive: true });
  const out = {
    'web-types.json': json(webTypes(pkg, elements)),
    'vscode.html-custom-data.json': json(vscodeData(pkg, elements)),
    'dist/react.d.ts': reactTypes(elements),
    'dist/vue.d.ts': vueTypes(elements),
    // types only: a module that exists, so `import '@kolo/widgets/react'` also resolves in a bundler
    'dist/react.js': 'export {};\n',
    'dist/vue.js': 'export {};\n',
  };
  for (const [file, text] of Object.entries(out)) writeFileSync(join(widgetsDir, file), text);
  console.log(`wrote ${Object.keys(out).join(', ')} for ${elements.length} elements`);
}
