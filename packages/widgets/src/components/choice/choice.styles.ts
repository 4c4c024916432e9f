import { css } from 'lit';

export const choiceStyles = css`
  :host {
    --_bar: var(--kolo-choice-bar-color);
  }
  [part~='options'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
    gap: 0.75rem;
    margin: 0.75rem 0;
  }
  [part~='option'] {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  label[part~='option'] {
    cursor: pointer;
  }
  [part~='option']:has(input:checked),
  [part~='option-mine'] {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  [part~='image'] {
    display: block;
    inline-size: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_track);
  }
  [part~='title'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 650;
  }
  [part~='text'] {
    color: var(--_muted);
  }
  [part~='result'] {
    margin-block-start: auto;
  }
  [part~='split'] {
    display: flex;
    block-size: 0.75rem;
    border-radius: 999px;
    overflow: hidden;
    background: var(--_track);
    margin-block-end: 0.5rem;
  }
  [part~='split-a'] {
    background: var(--_bar, var(--_accent));
    transition: inline-size var(--_duration) ease-out;
  }
`;
