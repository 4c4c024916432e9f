import { css } from 'lit';

export const ideaFormStyles = css`
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  fieldset,
  .fields {
    display: grid;
    gap: 0.75rem;
  }
  [part~='field'] {
    display: grid;
    gap: 0.25rem;
  }
  [part~='label'] {
    font-weight: 600;
  }
  [part~='field-error'] {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0;
  }
  [part~='hint'] {
    margin: 0;
  }
  [part~='rules-accept'] {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  [part~='rules-checkbox'] {
    accent-color: var(--_accent);
    margin: 0;
    padding: 0;
    inline-size: 1.25rem;
    min-block-size: 1.25rem;
    flex: none;
  }
  textarea {
    resize: vertical;
  }
  fieldset:disabled {
    opacity: 0.6;
  }
  [part~='input']:disabled {
    cursor: not-allowed;
  }
  [part~='similar-idea'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem 0.75rem;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_track);
  }
  .title {
    flex: 1 1 12rem;
    font-weight: 600;
  }
  [part~='upvote-button'][aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  blockquote {
    margin: 0.5rem 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_accent);
    font-weight: 600;
  }
`;
