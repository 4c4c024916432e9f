import { declarationOf, entryOf, fieldsOf, methodsOf, version, type Described } from '../manifest.ts';

/**
 * The reference part of every widget's docs page, as Markdown written from the manifest: how to load
 * the widget (HTML, npm, React, Vue) and its whole public API, custom states included (the standard
 * argument table has no place for them).
 */

const CDN = `https://cdn.jsdelivr.net/npm/@kolo/widgets@${version}/dist/cdn`;

/** A table cell: one line, pipes escaped. */
const cell = (text: string | undefined) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|') || '—';
const code = (text: string | undefined) => (text ? `\`${text}\`` : '—');

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** A section with its table, or a sentence saying there is nothing of the kind. */
function section<T extends Described>(title: string, items: T[] | undefined, head: string[], row: (item: T) => string[], none: string): string {
  return `### ${title}\n\n${items?.length ? table(head, items.map(row)) : none}`;
}

/** The first attribute of `tag` that names the widget (`poll-id`), for the examples. */
function idAttribute(tag: string): string | undefined {
  return fieldsOf(declarationOf(tag)).find((f) => f.attribute?.endsWith('-id'))?.attribute;
}

/** The four ways to load `tag`: a CDN script tag, an npm import, React 19 and Vue 3 (types from the package). */
export function importLines(tag: string): string {
  const entry = entryOf(tag);
  const id = idAttribute(tag);
  const attr = id ? ` ${id}="…"` : '';
  const firstEvent = declarationOf(tag).events?.find((e) => e.name.startsWith('kolo-'))?.name;
  const react = firstEvent ? ` on${firstEvent}={(e) => console.log(e.detail)}` : '';
  const vue = firstEvent ? ` @${firstEvent}="(e) => console.log(e.detail)"` : '';
  return `## Use it

### HTML (CDN, no build step)

\`\`\`html
<script type="module" src="${CDN}/${tag}.js"></script>
<!-- or the autoloader: loads each widget the first time its tag appears -->
<script type="module" src="${CDN}/autoloader.js"></script>

<${tag}${attr}>…</${tag}>
\`\`\`

### npm

\`\`\`js
import '@kolo/widgets/define/${entry}';
\`\`\`

### React 19

\`\`\`tsx
import '@kolo/widgets/define/${entry}';
import type {} from '@kolo/widgets/react'; // JSX types for every tag, once per app

<${tag}${attr}${react}>…</${tag}>
\`\`\`

### Vue 3

\`\`\`vue
<script setup lang="ts">
import '@kolo/widgets/define/${entry}';
import type {} from '@kolo/widgets/vue'; // GlobalComponents types, once per app
</script>

<template>
  <${tag}${attr}${vue}>…</${tag}>
</template>
\`\`\`

Vue's compiler needs \`isCustomElement: (tag) => tag.startsWith('kolo-')\`; pin the CDN version you installed (${version} here).`;
}

/** The public API of `tag`, one table per kind, from the manifest. */
export function apiTables(tag: string): string {
  const decl = declarationOf(tag);
  const fields = fieldsOf(decl);
  const methods = methodsOf(decl);
  return [
    '## API',
    section('Properties and attributes', fields, ['Property', 'Attribute', 'Type', 'Default', 'Description'], (m) => [
      code(m.name),
      code(m.attribute),
      code(m.type?.text),
      code(m.default),
      `${m.readonly ? '(read-only) ' : ''}${m.description ?? ''}`,
    ], 'None.'),
    ...(methods.length ? [section('Methods', methods, ['Method', 'Description'], (m) => [code(`${m.name}()`), m.description ?? ''], '')] : []),
    section('Events', decl.events, ['Event', 'Type', 'Description'], (e) => [code(e.name), code(e.type?.text), e.description ?? ''], 'None.'),
    section('Slots', decl.slots, ['Slot', 'Description'], (s) => [code(s.name || '(default)'), s.description ?? ''], 'None: the content is authored as HTML inside the element (read once it loads) or set as `config`.'),
    section('CSS parts', decl.cssParts, ['Part', 'Selector', 'Description'], (p) => [code(p.name), code(`${tag}::part(${p.name})`), p.description ?? ''], 'None.'),
    section('CSS custom properties', decl.cssProperties, ['Property', 'Description'], (p) => [code(p.name), p.description ?? ''], 'Only the shared tokens (see the theming guide).'),
    section('Custom states', decl.cssStates, ['State', 'Selector', 'Description'], (s) => [code(s.name), code(`${tag}:state(${s.name})`), s.description ?? ''], 'None.'),
  ].join('\n\n');
}
