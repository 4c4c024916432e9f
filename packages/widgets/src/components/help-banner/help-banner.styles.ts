import { css } from 'lit';

// `absent` is `display: none !important`: a page's own rule for the element (`kolo-help-banner { display: block }`)
// beats a normal :host rule, an important :host rule beats it.
export const bannerStyles = css`
  :host {
    --_edge: var(--kolo-banner-accent, var(--_accent));
  }
  [part~='base'] {
    border-inline-start: 0.375rem solid var(--_edge);
  }
  :host(:state(absent)) {
    display: none !important;
  }
  :host([placement='sticky']) {
    position: sticky;
    inset-block-end: 0;
    z-index: 10;
    max-inline-size: none;
  }
  :host([placement='sticky']) [part~='base'] {
    box-shadow: 0 -0.25rem 1rem rgb(0 0 0 / 0.15);
  }
  p {
    margin: 0.25rem 0;
  }
  [part~='heading'] {
    margin: 0;
    font-weight: 700;
    font-size: 1.0625em;
  }
  [part~='disclaimer'] {
    font-weight: 600;
  }
  .label {
    margin-block-start: 0.75rem;
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0.25rem 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  [part~='contact'],
  [part~='tool'] {
    display: inline-block;
    padding-block: 0.25rem;
    font-weight: 600;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-start: 0.75rem;
  }
  button.link {
    padding-inline: 0;
    border: 0;
    text-decoration: underline;
  }
  [part~='hidden'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0;
    padding: 0.25rem var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
`;
