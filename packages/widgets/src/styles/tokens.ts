import { css } from 'lit';

/**
 * Design tokens. Public knobs are `--kolo-*` custom properties, settable anywhere above the element
 * (`:root`, a section, the element); the private `--_*` copies hold the defaults. Light and dark come
 * from `light-dark()` and the `color-scheme` the element inherits from the page (`:root{color-scheme:dark}`,
 * a theme class: `:state(page-scheme)`, see `scheme.ts`); where the page sets none, the OS preference;
 * `theme` forces one. The card (padding, border, background, radius, shadow, type) is on the inner
 * `part="base"`, where a page's CSS reset cannot reach it.
 */
export const tokens = css`
  :host {
    --_accent: var(--kolo-color-accent, light-dark(#1d4fb8, #9dbcff));
    --_on-accent: var(--kolo-color-on-accent, light-dark(#ffffff, #0a1633));
    --_surface: var(--kolo-color-surface, light-dark(#ffffff, #1a1d23));
    --_text: var(--kolo-color-text, light-dark(#1a1d23, #eceff4));
    --_muted: var(--kolo-color-muted, light-dark(#50565f, #b6bcc6));
    --_border: var(--kolo-color-border, light-dark(#c5cad3, #4a505b));
    --_track: var(--kolo-color-track, light-dark(#e6e9ee, #2e323a));
    --_danger: var(--kolo-color-danger, light-dark(#a8221a, #ffb4ab));
    --_success: var(--kolo-color-success, light-dark(#1e6b34, #8fdca3));
    --_radius: var(--kolo-radius, 0.75rem);
    --_space: var(--kolo-space, 1rem);
    --_duration: var(--kolo-duration, 0.35s);
    color-scheme: light dark;
    display: block;
    max-inline-size: var(--kolo-max-width, 40rem);
  }
  :host(:state(page-scheme)) {
    color-scheme: inherit;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  [part~='base'] {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--kolo-font-family);
    font-size: var(--kolo-font-size, 1rem);
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-block-size: 2.5rem;
    padding: 0.5rem 1rem;
    border-radius: calc(var(--_radius) / 1.5);
    border: 1px solid var(--_accent);
    background: transparent;
    color: var(--_accent);
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  a {
    color: var(--_accent);
  }
  [part~='error'] {
    color: var(--_danger);
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;
