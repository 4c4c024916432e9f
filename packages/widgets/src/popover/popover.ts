import { css, type ReactiveElement } from 'lit';

/**
 * How popovers are kept by their buttons. `native` is CSS anchor positioning (no script at all);
 * without it, @floating-ui/dom is loaded the first time a popover opens. Tests switch it off to
 * exercise the fallback.
 */
export const anchoring = {
  native: typeof CSS !== 'undefined' && CSS.supports('position-area: block-end'),
};

/**
 * The look of a popover and its place under (or, without room, over) the button that opens it
 * (its `popovertarget` button) in the same shadow root, 8px off the viewport's edge; in the popover's own
 * logical directions (`self-`: the viewport's are the page's), so right to left needs nothing more.
 */
export const popoverStyles = css`
  [popovertarget] {
    anchor-name: --kolo-anchor;
  }
  [popover] {
    inset: auto;
    margin: 0;
    max-inline-size: min(22rem, calc(100vw - 1rem));
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.2);
  }
  @supports (position-area: block-end) {
    [popover]:not(.scripted) {
      position-anchor: --kolo-anchor;
      position-area: self-block-end span-self-inline-end;
      margin: 6px 0;
      margin-inline-end: 8px;
      position-try-fallbacks: flip-block, flip-inline, flip-block flip-inline;
    }
  }
`;

/**
 * Keep an open `popover` by `button` until the returned function is called: nothing to do where CSS
 * anchor positioning works; else @floating-ui/dom (flip and shift at the viewport edges), loaded on
 * first use. `popover.dataset.anchored` says which (`css` or `script`) once it is placed.
 */
export async function followAnchor(button: HTMLElement, popover: HTMLElement): Promise<() => void> {
  if (anchoring.native) {
    popover.dataset.anchored = 'css';
    return () => {};
  }
  popover.classList.add('scripted');
  const { anchor } = await import('./anchor.ts');
  if (!popover.matches(':popover-open')) return () => {};
  let placed: () => void;
  const done = new Promise<void>((r) => (placed = r));
  const stop = anchor(button, popover, () => {
    popover.dataset.anchored = 'script';
    placed();
  });
  await done;
  return stop;
}

/**
 * An information popover opened or closed: re-render the host (for `aria-expanded` and the `open`
 * state) and keep the popover by `button` while open. Returns whether it is open.
 */
export function infoToggled(host: ReactiveElement, e: ToggleEvent, button: string): boolean {
  const open = e.newState === 'open';
  host.requestUpdate();
  if (open) void followAnchor(host.renderRoot.querySelector<HTMLElement>(button)!, e.target as HTMLElement);
  return open;
}

/**
 * Bound to a popover's `beforetoggle`: when it closes with focus inside it (Escape, or a pick that
 * closes it), focus its `popovertarget` button first; Chromium would otherwise leave focus on `<body>`.
 * (No need to ask which way it toggles: nothing in a closed popover, which is not rendered, has focus.)
 */
export const refocus = (e: ToggleEvent): void => {
  const popover = e.target as HTMLElement;
  const root = popover.getRootNode() as ShadowRoot;
  if (popover.contains(root.activeElement)) root.querySelector<HTMLElement>(`[popovertarget=${popover.id}]`)!.focus();
};
