import { css } from 'lit';

/** Styles of the pieces in `tally-parts.ts`: result bars, actions row, next step. */
export const tallyStyles = css`
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
  input {
    flex: none;
    margin: 0;
    inline-size: 1.125rem;
    block-size: 1.125rem;
    accent-color: var(--_accent);
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
  [part~='result'] {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part~='percent'] {
    font-weight: 650;
  }
  [part~='bar'] {
    block-size: 0.5rem;
    border-radius: 999px;
    background: var(--_track);
    overflow: hidden;
  }
  [part~='bar-fill'] {
    display: block;
    block-size: 100%;
    border-radius: inherit;
    background: var(--_bar, var(--_accent));
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
