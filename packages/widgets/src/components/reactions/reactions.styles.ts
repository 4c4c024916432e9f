import { css } from 'lit';

export const reactionsStyles = css`
  [part~='base'] {
    padding: 0.5rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  [part~='reaction'],
  [part~='more-button'],
  [part~='pick'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-block-size: 2.5rem;
    min-inline-size: 2.75rem;
    justify-content: center;
    padding: 0.25rem 0.75rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: transparent;
    color: var(--_text);
    font-variant-numeric: tabular-nums;
  }
  [part~='reaction-mine'],
  [part~='pick'][aria-pressed='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .glyph {
    font-size: 1.25em;
    line-height: 1;
  }
  [part~='popover'] {
    padding: 0.5rem;
  }
  [part~='pick'] {
    border-color: transparent;
    padding: 0.25rem;
  }
  [part~='next-step'] {
    display: inline-block;
    margin-block-start: 0.5rem;
    font-weight: 600;
  }
`;
