import { css } from 'lit';

/** The heading and paragraph spacing the content widgets share (idea form and board, FAQ carousel). */
export const headingStyles = css`
  p {
    margin: 0.25rem 0;
  }
  [part~='heading'] {
    margin: 0 0 0.5rem;
    font-weight: 650;
    font-size: 1.125em;
  }
`;
