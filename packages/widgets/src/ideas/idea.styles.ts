import { css } from 'lit';

/** What the idea form and board share: lists, status badges, form controls. */
export const ideaStyles = css`
  ul,
  ol {
    list-style: none;
    margin: 0.5rem 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5rem 0.625rem;
    min-block-size: 2.5rem;
    inline-size: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  [part~='status'] {
    display: inline-block;
    padding: 0 0.5rem;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.8125rem;
    white-space: nowrap;
  }
  [part~='status-done'] {
    color: var(--_success);
  }
  [part~='status-declined'],
  [part~='status-rejected'] {
    color: var(--_muted);
  }
  [part~='status-pending'] {
    border-style: dashed;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-start: 0.75rem;
  }
  [part~='next-step'] {
    font-weight: 600;
  }
`;
