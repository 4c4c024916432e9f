import { css } from 'lit';

export const pollStyles = css`
  :host {
    --_bar: var(--kolo-poll-bar-color);
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
  }
  li:has(input:checked),
  li[part~='option-mine'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  [part~='bar'] {
    flex: 1 0 100%;
  }
  [part~='label'] {
    flex: 1 1 12rem;
    display: flex;
    align-items: center;
    gap: 0.625rem;
    min-block-size: 1.75rem;
  }
  label[part~='label'] {
    cursor: pointer;
  }
`;
