import { html } from 'lit';

/** An element whose content has a heading: its `heading-level` attribute (a removed one is `null`). */
export type HeadingHost = Element & { headingLevel?: number | null | undefined };

/**
 * The level of a widget's heading: its `heading-level`, else that of the heading the author wrote
 * as its first heading child (`<h3>` → 3), else 2 — rounded and kept within 1–6, the levels there
 * are (`heading-level="9"` is 6).
 */
// (no children on a server without the light DOM; the selector is written as the content readers in
// @kolo/core write it: compressed, they share it)
export const levelOf = (host: HeadingHost): number =>
  Math.round(Math.min(6, Math.max(1, host.headingLevel || +([...(host.children ?? [])].find((k) => k.matches('h1, h2, h3, h4, h5, h6'))?.localName[1] ?? 2))));

/** The level of the headings inside a widget (card and idea titles): one below its own, 6 at most (under an `<h6>`, 6 too). */
export const levelBelow = (host: HeadingHost): number => Math.min(levelOf(host) + 1, 6);

/**
 * A widget's heading at `levelOf(host)`: a `p` with `role="heading"` (a template cannot choose its
 * `h1`–`h6` tag), `part` and `id` `heading` to label the widget, focusable by script to move focus to it.
 */
export const heading = (host: HeadingHost, text: string) =>
  html`<p part="heading" id="heading" role="heading" aria-level=${levelOf(host)} tabindex="-1">${text}</p>`;
