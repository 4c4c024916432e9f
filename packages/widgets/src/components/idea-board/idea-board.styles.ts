import { css } from 'lit';

export const ideaBoardStyles = css`
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: end;
    margin-block: 0.5rem;
  }
  [part~='toolbar'] label {
    display: grid;
    gap: 0.125rem;
  }
  .grow {
    flex: 1 1 12rem;
  }
  [part~='list'] {
    gap: 0;
  }
  [part~='idea'] {
    display: flex;
    gap: 0.75rem;
    align-items: start;
    padding-block: 0.75rem;
    border-block-start: 1px solid var(--_border);
  }
  [part~='idea-own'] {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: 0.5rem;
  }
  [part~='upvote-button'],
  [part~='upvotes'] {
    flex: none;
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    min-inline-size: 3.25rem;
    padding: 0.25rem 0.5rem;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }
  [part~='upvotes'] {
    color: var(--_muted);
  }
  [part~='upvote-button'][aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .body {
    flex: 1;
    min-inline-size: 0;
  }
  [part~='idea-title'] {
    font-weight: 650;
    margin: 0;
  }
  [part~='meta'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }
  [part~='details'] {
    white-space: pre-line;
  }
  button.link {
    min-block-size: 0;
    padding: 0;
    border: 0;
    text-decoration: underline;
  }
  [part~='answer'] {
    margin-block-start: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 3px solid var(--_success);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_track);
  }
  .we-did {
    font-weight: 650;
    color: var(--_success);
  }
  [part~='show-more'] {
    margin-block-start: 0.5rem;
  }
  [part~='next-step'] {
    display: block;
    margin-block-start: 0.75rem;
  }
`;
