/**
 * Reading authored light-DOM content with standard DOM calls only (`children`, `matches`,
 * `querySelector(All)`, `getAttribute`, `textContent`), so the widgets in a browser and
 * `definitionsOf` in Node (on any DOM implementation) read a page the same way.
 */

/** The text of authored light-DOM content, whitespace collapsed. Never HTML. */
export const lightText = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The authored next step: `a[data-next-step]` anywhere inside `host`. */
export function authoredNextStep(host: Element) {
  const next = host.querySelector('a[data-next-step]');
  return next ? { nextStep: { label: lightText(next), href: next.getAttribute('href') ?? '' } } : {};
}

/** Space-separated ids in an attribute (`data-correct="a c"`). */
export const idList = (s: string | null): string[] => (s ?? '').split(/\s+/).filter(Boolean);

/**
 * The attributes an element's reader takes, by property: the attribute's name and how its value is
 * read (Lit's `type`: `Boolean` is present or not, `Number`, `String`, `Object` as JSON, `null` when
 * it is not JSON). Outside a browser,
 * `propsFrom` turns them into the properties a widget would have; a widget test checks each spec
 * against its element's declared properties.
 */
export type AttributeSpec = Readonly<Record<string, readonly [attribute: string, type: BooleanConstructor | NumberConstructor | StringConstructor | ObjectConstructor]>>;

const json = (v: string): unknown => {
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
};

/** An element's properties as its attributes set them (what Lit does in a browser). */
export function propsFrom(el: Element, spec: AttributeSpec): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [prop, [attribute, type]] of Object.entries(spec)) {
    const v = el.getAttribute(attribute);
    if (type === Boolean) props[prop] = v !== null;
    else if (v !== null) props[prop] = type === Number ? Number(v) : type === Object ? json(v) : v;
  }
  return props;
}
