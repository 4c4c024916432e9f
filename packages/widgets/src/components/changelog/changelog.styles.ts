import { css } from 'lit';

// logical properties only (right-to-left pages mirror it); nothing moves (reduced motion has nothing to stop)
export const changelogStyles = css`
  [part~='month'] {
    margin-block-start: 1rem;
  }
  [part~='month-heading'] {
    margin: 0 0 0.25rem;
    font-weight: 650;
    color: var(--_muted);
    text-transform: capitalize;
  }
  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='entry'] {
    padding-block: 0.625rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_success);
    margin-block-end: 0.5rem;
  }
  [part~='entry-title'] {
    font-weight: 650;
    margin: 0;
  }
  [part~='answer'] {
    white-space: pre-line;
  }
  [part~='announcement'] {
    display: inline-block;
    padding-block: 0.25rem;
  }
  [part~='show-more'] {
    margin-block-start: 0.5rem;
  }
`;
