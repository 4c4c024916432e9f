/** An idea form or board as authored: read the same way by the widgets and by `definitionsOf`. */
import { authoredNextStep, lightText, type AttributeSpec } from '../content/read.ts';
import type { IdeaBoardConfig } from './schema.ts';

export interface IdeaProps {
  boardId?: string | undefined;
  kind?: string | undefined;
  moderated?: boolean;
  maxPerDay?: number | undefined;
  /** the site's signature of the board's definition */
  signature?: string | undefined;
  /** the form's */
  minFillSeconds?: number | undefined;
  requireRules?: boolean;
  /** the board's */
  linkify?: boolean;
  pageSize?: number | undefined;
  config?: Partial<IdeaBoardConfig> | undefined;
}
const ideaAttributes = {
  boardId: ['board-id', String],
  kind: ['kind', String],
  moderated: ['moderated', Boolean],
  maxPerDay: ['max-per-day', Number],
  headingLevel: ['heading-level', Number],
  signature: ['signature', String],
  config: ['config', Object],
} as const;
// (`Object.assign` marked pure, not a spread: a widget bundle that never reads a spec drops it)
export const ideaFormAttributes: AttributeSpec = /* @__PURE__ */ Object.assign({ minFillSeconds: ['min-fill-seconds', Number], requireRules: ['require-rules', Boolean] } as const, ideaAttributes);
export const ideaBoardAttributes: AttributeSpec = /* @__PURE__ */ Object.assign({ linkify: ['linkify', Boolean], pageSize: ['page-size', Number], sort: ['sort', String] } as const, ideaAttributes);

/**
 * The board as authored: `.config`, or the light DOM (first heading, first paragraph, the list
 * marked `data-categories` with `data-value` ids, `a[data-next-step]`) and attributes. Slotted
 * children (the community rules, `slot="rules"`) are the site's HTML, shown as they are, never read.
 */
export function readIdeaBoard(host: Element, p: IdeaProps): unknown {
  const own = {
    id: p.boardId || undefined,
    ...(p.kind ? { kind: p.kind } : {}),
    ...(p.moderated ? { moderated: true } : {}),
    ...(p.maxPerDay ? { maxPerDay: p.maxPerDay } : {}),
    ...(p.minFillSeconds != null ? { minFillSeconds: p.minFillSeconds } : {}),
    ...(p.requireRules ? { requireRules: true } : {}),
    ...(p.linkify ? { linkify: true } : {}),
    ...(p.pageSize ? { pageSize: p.pageSize } : {}),
    signature: p.signature || undefined,
  };
  if (p.config) return { ...own, ...p.config };
  const kids = [...host.children];
  const heading = kids.find((k) => k.matches('h1, h2, h3, h4, h5, h6, [data-heading]'));
  const description = kids.find((k) => k.matches('p, [data-description]') && !k.matches('[data-heading], [slot]'));
  const list = host.querySelector('[data-categories]');
  return {
    ...own,
    ...(heading ? { heading: lightText(heading) } : {}),
    ...(description ? { description: lightText(description) } : {}),
    ...(list ? { categories: [...list.children].map((li, i) => ({ id: li.getAttribute('data-value') ?? String(i + 1), label: lightText(li) })) } : {}),
    ...authoredNextStep(host),
  };
}
