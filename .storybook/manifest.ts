import manifest from '../packages/widgets/custom-elements.json';
import widgetsPackage from '../packages/widgets/package.json';

/**
 * The custom-elements manifest (`pnpm manifest`, generated from the elements' JSDoc) read for
 * Storybook: the one source of the controls, the actions and the docs pages. The published manifest
 * already holds the public API only (`packages/widgets/cem.config.mjs`); what is left here to skip is
 * what a person cannot set (static members, methods, read-only fields).
 */

export interface Described {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}

export interface Member extends Described {
  kind: 'field' | 'method';
  static?: boolean;
  readonly?: boolean;
  privacy?: string;
  attribute?: string;
  parameters?: Described[];
}

export interface Declaration {
  name: string;
  tagName?: string;
  summary?: string;
  description?: string;
  members?: Member[];
  events?: Described[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
  cssStates?: Described[];
}

interface Module {
  path: string;
  declarations?: Declaration[];
  exports?: { kind: string; name: string }[];
}

const modules = (manifest as { modules: Module[] }).modules;

/** The package's version, for pinned CDN addresses. */
export const version: string = widgetsPackage.version;

/** The manifest's declaration of the element registered as `tag`. */
export function declarationOf(tag: string): Declaration {
  const decl = modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
  if (!decl) throw new Error(`${tag} is not in packages/widgets/custom-elements.json (run \`pnpm manifest\`)`);
  return decl;
}

/** The entry name of `tag`: `idea-form` for `kolo-idea-form`, from its definition module `dist/define/kolo-idea-form.js`. */
export function entryOf(tag: string): string {
  const module = modules.find((m) => m.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === tag));
  const entry = module?.path.match(/^dist\/define\/kolo-(.+)\.js$/)?.[1];
  if (!entry) throw new Error(`${tag}: no definition module in the manifest`);
  return entry;
}

/** Public instance fields (what a page sets), one per property, attribute or not. */
export function fieldsOf(decl: Declaration): Member[] {
  return (decl.members ?? []).filter((m) => m.kind === 'field' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected');
}

/** Public instance methods. */
export function methodsOf(decl: Declaration): Member[] {
  return (decl.members ?? []).filter((m) => m.kind === 'method' && !m.static && m.privacy !== 'private' && m.privacy !== 'protected');
}

/** The names of the events `tag` fires (`kolo-vote`, and `change`/`input` on form controls). */
export function eventNames(tag: string): string[] {
  return (declarationOf(tag).events ?? []).map((e) => e.name);
}

/** String-literal members of a union type (`'a' | 'b' | undefined` → `['a', 'b']`), or none when it has others. */
export function literalOptions(type: string | undefined): string[] | undefined {
  const items = type?.split('|').map((t) => t.trim()).filter((t) => t !== 'undefined');
  if (!items?.length || !items.every((t) => /^'[^']*'$/.test(t))) return undefined;
  return items.map((t) => t.slice(1, -1));
}
