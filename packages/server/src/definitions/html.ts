/**
 * Widgets in a page's HTML, read in Node with the widgets' own readers (`definitionsOf` in
 * `@kolo/core`, on linkedom's DOM): what `kolo-server register` registers, and what a site's
 * rendering step signs so that editors can add widgets without the console.
 */
import { parseHTML } from 'linkedom';
import { definitionsOf, uniqueDefinitions, widgetsIn, type WidgetDefinition, type WidgetProblem } from '@kolo/core';
import { signWidget } from './sign.ts';

const documentOf = (html: string) => parseHTML(html).document as unknown as Document;
const keyOf = (d: WidgetDefinition) => `${d.kind}:${d.id}`;

/** Every widget element in the HTML, read and checked (see `widgetsIn`). */
export const widgetsInHtml = (html: string) => widgetsIn(documentOf(html));

/** Every widget the HTML defines (kind, id, rules) and the elements whose content is invalid. */
export function definitionsFromHtml(html: string): { definitions: WidgetDefinition[]; problems: WidgetProblem[] } {
  return definitionsOf(documentOf(html));
}

/**
 * The HTML with each widget's signature set: `signature` on every `kolo-poll`, `kolo-choice`,
 * `kolo-reactions`, `kolo-quiz` and idea form or board, `data-signature` on every FAQ card. A form and
 * its board carry the signature of the form's definition. Elements whose content is invalid are left
 * unsigned (they show what is wrong). Call it in the rendering step, after the editors' HTML is final.
 */
export function signWidgets(html: string, secret: string): string {
  const doc = documentOf(html);
  const { found } = widgetsIn(doc);
  const definitions = new Map(uniqueDefinitions(found).map((d) => [keyOf(d), d]));
  for (const f of found) f.element.setAttribute(f.attribute, signWidget(definitions.get(keyOf(f.definition))!, secret));
  return doc.toString();
}
