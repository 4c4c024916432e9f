import { css } from 'lit';

export const pollStyles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    font-weight: 650;
    font-size: 1.125em;
  }
  p {
    margin: 0.25rem 0;
  }
  ul {
    list-style: none;
    margin: 0.75rem 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
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
  input {
    flex: none;
    margin: 0;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    accent-color: var(--_accent);
  }
  [part~='result'] {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part~='percent'] {
    font-weight: 650;
  }
  [part~='bar'] {
    flex: 1 0 100%;
    block-size: 0.5rem;
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  [part~='bar-fill'] {
    display: block;
    block-size: 100%;
    border-radius: inherit;
    background: var(--kolo-poll-bar-color, var(--_accent));
    transition: inline-size var(--_duration) ease-out;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-start: 0.5rem;
  }
  [part~='next-step'] {
    display: inline-block;
    margin-block-start: 0.75rem;
    font-weight: 600;
  }
  @media (forced-colors: active) {
    [part~='bar-fill'] {
      background: CanvasText;
    }
  }
`;
