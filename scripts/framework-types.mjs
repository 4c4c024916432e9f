// React 19 and Vue 3 types of the Kolo elements, written from the custom-elements manifest by
// scripts/gen-types.mjs. Property types are not copied from the manifest's text: they are picked
// from the element classes (`Pick<KoloPoll, 'pollId' | …>`), so they are the shipped declarations.

const HEAD = '// Generated from custom-elements.json by scripts/gen-types.mjs: do not edit.\n';

/** `kolo-next-step` → `KoloNextStep`. */
const pascal = (name) => name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
const union = (names) => (names.length ? names.map((n) => `'${n}'`).join(' | ') : 'never');
const comment = (el) => `/** ${(el.summary || el.tag).replace(/\*\//g, '*\\/')} */`;

/** The properties a framework may set (the element's public writable fields, `config` apart: it also takes JSON). */
const settable = (el) => el.fields.map((f) => f.name).filter((n) => n !== 'config');
/** Attributes whose name is not their property's (`poll-id`), typed as attributes are: strings, or booleans. */
function attributesOnly(el) {
  const fields = new Set(el.fields.map((f) => f.name));
  const type = (text = '') => (/^boolean/.test(text) ? 'boolean' : /\bnumber\b/.test(text) ? 'string | number' : 'string');
  return el.attributes.filter((a) => !fields.has(a.name)).map((a) => ({ name: a.name, type: type(a.type?.text) }));
}
const eventType = (e) => e.type?.text ?? 'Event';
/** A handler's argument: the event, with the element as its \`currentTarget\` (where the listener is). */
const handler = (el, e) => `(event: ${eventType(e)} & { currentTarget: ${el.className} }) => void`;

/** The classes (elements and events) the types name, imported from the package's index. */
function imports(elements) {
  const names = new Set(elements.map((el) => el.className));
  for (const el of elements) for (const e of el.events) if (eventType(e) !== 'Event') names.add(eventType(e));
  return `import type { ${[...names].sort().join(', ')} } from './index.js';\n`;
}

const configProp = (el, indent = '      ') =>
  el.fields.some((f) => f.name === 'config')
    ? `\n${indent}/** The content as an object, or as JSON (\`JSON.stringify(config)\`: kept when the element is defined after the first render). */\n${indent}config?: ${el.className}['config'] | string;`
    : '';

/** `React.JSX.IntrinsicElements` entries: properties, attributes and \`on<event>\` handlers (React 19 adds a listener for each). */
export function reactTypes(elements) {
  const entries = elements.map((el) => {
    const attrs = attributesOnly(el).map((a) => `\n        '${a.name}'?: ${a.type};`).join('');
    const events = el.events.map((e) => `\n        /** ${(e.description ?? '').replace(/\*\//g, '')} */\n        'on${e.name}'?: ${handler(el, e)};`).join('');
    return `      ${comment(el)}\n      '${el.tag}': KoloJSXProps<${el.className}, ${union(settable(el))}> & {${configProp(el, '        ')}${attrs}${events}\n      };`;
  });
  return `${HEAD}/**
 * JSX types of the Kolo elements for React 19: \`import type {} from '@kolo/widgets/react'\` once (or
 * list \`@kolo/widgets/react\` in tsconfig \`types\`). Properties are set as properties, attributes
 * in kebab case are strings, and each event has a handler \`on<event-name>\` (\`onkolo-vote\`, and
 * \`onchange\` / \`oninput\` on \`<kolo-choice>\`), which React 19 adds as an event listener.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports(elements)}
/** The HTML attributes React knows (less those the element redefines), and the element's own properties. */
export type KoloJSXProps<E extends HTMLElement, P extends keyof E> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, P | 'config'> & Partial<Pick<E, P>>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries.join('\n')}
    }
  }
}
`;
}

/** Vue 3 `GlobalComponents` entries: properties, and events as `on<Event>` props (what `@kolo-vote` compiles to). */
export function vueTypes(elements) {
  const entries = elements.map((el) => {
    const events = el.events.map((e) => `\n      /** ${(e.description ?? '').replace(/\*\//g, '')} */\n      on${pascal(e.name)}?: ${handler(el, e)};`).join('');
    const model = el.fields.some((f) => f.name === 'value') && el.events.some((e) => e.name === 'input') ? `\n      /** \`v-model\` (the element's \`value\`, updated on \`input\`). */\n      modelValue?: string;` : '';
    return `    ${comment(el)}\n    '${el.tag}': DefineComponent<Partial<Pick<${el.className}, ${union(settable(el))}>> & {${configProp(el)}${model}${events}\n    }>;`;
  });
  return `${HEAD}/**
 * Vue 3 types of the Kolo elements: \`import type {} from '@kolo/widgets/vue'\` once (or list
 * \`@kolo/widgets/vue\` in tsconfig \`types\`), and tell Vue's compiler they are custom elements
 * (\`compilerOptions.isCustomElement: (tag) => tag.startsWith('kolo-')\`). Props are the elements'
 * properties; \`@kolo-vote\` & co. are typed; \`v-model\` works on \`<kolo-choice>\`.
 */
import type { DefineComponent } from 'vue';
${imports(elements)}
declare module 'vue' {
  interface GlobalComponents {
${entries.join('\n')}
  }
}
`;
}
