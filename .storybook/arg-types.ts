import type { ArgTypes, InputType } from 'storybook/internal/types';
import { declarationOf, fieldsOf, literalOptions, type Described, type Member } from './manifest.ts';

/**
 * Controls from the manifest, for every widget in one place (`parameters.docs.extractArgTypes`):
 * one row per public property, keyed by its attribute where it has one (the stories' args are
 * attribute names: `poll-id`), shown under the property's name with the attribute in the
 * description; CSS custom properties as color or text controls that the `withKoloApi` decorator sets
 * on the element; events, parts and slots as documentation rows without a control.
 */

// arg keys of the rows that are not properties (CSS custom properties keep their name: `--kolo-color-accent`)
const partKey = (name: string) => `::part(${name})`;
const eventKey = (name: string) => `@${name}`;
const slotKey = (name: string) => `slot:${name || 'default'}`;

/** No control and no "Setup controls" link: a documentation row. */
const NONE = { disable: true } as const;

const PRIMITIVE = /^(string|number|boolean)( \| undefined)?$/;

/** The control of a property, from its type: a select for a union of strings, none for values that only a script can pass. */
function control(field: Member): InputType['control'] {
  const type = field.type?.text;
  const options = literalOptions(type);
  if (options) return { type: 'select' };
  if (!type || /^string\b/.test(type)) return { type: 'text' };
  if (/^boolean\b/.test(type)) return { type: 'boolean' };
  if (/^number\b/.test(type)) return { type: 'number' };
  // objects with an attribute take JSON (`config`, `messages`); the rest (`adapter`) only a script can set
  return field.attribute && !PRIMITIVE.test(type) ? { type: 'object' } : NONE;
}

function propertyRow(field: Member): InputType {
  const attribute = field.attribute ? `\n\nAttribute: \`${field.attribute}\`` : '\n\nProperty only (no attribute).';
  const options = literalOptions(field.type?.text);
  return {
    name: field.name,
    description: `${field.description ?? ''}${attribute}`,
    control: control(field),
    ...(options ? { options } : {}),
    table: {
      category: 'properties',
      type: { summary: field.type?.text ?? 'string' },
      ...(field.default !== undefined ? { defaultValue: { summary: field.default } } : {}),
    },
  };
}

/** A row that documents without a control. */
function docsRow(item: Described, category: string, summary?: string, name = item.name || '(default)'): InputType {
  return {
    name,
    description: item.description ?? '',
    control: NONE,
    table: { category, ...(summary ? { type: { summary } } : {}) },
  };
}

function cssPropertyRow(item: Described): InputType {
  return {
    name: item.name,
    description: `${item.description ?? ''}\n\nSet as an inline custom property on the element.`,
    control: { type: /color/.test(item.name) ? 'color' : 'text' },
    table: { category: 'css custom properties', type: { summary: 'CSS value' } },
  };
}

/** Every row of `tag`'s public API, from the manifest. */
export function koloArgTypes(tag: string): ArgTypes {
  const decl = declarationOf(tag);
  const rows: ArgTypes = {};
  for (const field of fieldsOf(decl)) if (!field.readonly) rows[field.attribute ?? field.name] = propertyRow(field);
  for (const e of decl.events ?? []) rows[eventKey(e.name)] = docsRow(e, 'events', e.type?.text);
  for (const s of decl.slots ?? []) rows[slotKey(s.name)] = docsRow(s, 'slots');
  for (const p of decl.cssProperties ?? []) rows[p.name] = cssPropertyRow(p);
  for (const p of decl.cssParts ?? []) rows[partKey(p.name)] = docsRow(p, 'css shadow parts', 'CSS part', partKey(p.name));
  return rows;
}

/** The names of `tag`'s rows that only document (events, slots, parts), for a `<Controls exclude>`. */
export function documentationRows(tag: string): string[] {
  return Object.values(koloArgTypes(tag))
    .filter((row) => row.table?.category !== 'properties' && row.table?.category !== 'css custom properties')
    .map((row) => row.name!);
}

/** `parameters.docs.extractArgTypes`: the rows of the story's `component`, none for a story without one. */
export function extractArgTypes(component: unknown): ArgTypes | null {
  return typeof component === 'string' && component.startsWith('kolo-') ? koloArgTypes(component) : null;
}
