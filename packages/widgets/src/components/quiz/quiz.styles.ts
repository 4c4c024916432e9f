import { css } from 'lit';

export const quizStyles = css`
  [part~='title'] {
    margin: 0 0 0.5rem;
    font-weight: 650;
    font-size: 1.125em;
  }
  [part~='progress'] {
    margin: 0 0 0.25rem;
  }
  [part~='choice'] {
    display: flex;
    align-items: center;
    gap: 0.625rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
  }
  [part~='choice']:has(input:checked) {
    border-color: var(--_accent);
  }
  [part~='choice-correct'] {
    border-color: var(--_success);
    box-shadow: inset 0 0 0 1px var(--_success);
  }
  [part~='choice-wrong'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  label {
    flex: 1;
    display: flex;
    align-items: center;
    gap: 0.625rem;
    cursor: pointer;
  }
  .mark {
    margin-inline-start: auto;
    font-weight: 700;
  }
  [part~='choice-correct'] .mark {
    color: var(--_success);
  }
  [part~='choice-wrong'] .mark {
    color: var(--_danger);
  }
  [part~='verdict'] {
    font-weight: 650;
  }
  [part~='score'] {
    font-size: 1.25em;
    font-weight: 650;
  }
  [part~='result']:focus {
    outline: none;
  }
`;
