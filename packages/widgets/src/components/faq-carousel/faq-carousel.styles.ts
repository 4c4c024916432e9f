import { css } from 'lit';

/** The previous/next arrows (‹ ›) are mirrored in RTL by a transform, not by the text: they are
 * bidi-mirrored characters, which not every font draws mirrored (an Arabic page's may not), so they
 * are set left to right. */
export const faqStyles = css`
  [part~='controls'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  [part~='position'] {
    font-variant-numeric: tabular-nums;
    min-inline-size: 3.5rem;
    text-align: center;
  }
  [part~='previous-button'],
  [part~='next-button'],
  [part~='rotation-button'] {
    inline-size: 2.75rem;
    padding: 0;
    font-size: 1.25rem;
    line-height: 1;
  }
  [part~='rotation-button'] {
    font-size: 0.875rem;
    margin-inline-end: auto;
  }
  .arrow {
    display: inline-block;
    direction: ltr;
  }
  :host(:dir(rtl)) .arrow {
    transform: scaleX(-1);
  }
  /* as tall as the current card: the others take no height (their text overflows, clipped, so a swipe
     shows it coming), so no empty space is left under a short card. (x and y, like scroll-snap-type: x:
     the track scrolls along the screen's width in every direction; overflow-block is not everywhere yet) */
  [part~='slides'] {
    display: flex;
    align-items: start;
    overflow-x: auto;
    overflow-y: hidden;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scrollbar-width: none;
    margin-block: 0.5rem;
  }
  [part~='slides']::-webkit-scrollbar {
    display: none;
  }
  [part~='slide'] {
    flex: 0 0 100%;
    scroll-snap-align: start;
    scroll-snap-stop: always;
    padding: 0.25rem 0.125rem;
  }
  [part~='slide']:not([part~='slide-current']) {
    block-size: 0;
  }
  [part~='label'] {
    font-size: 0.8125rem;
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    margin-block-start: 0.75rem;
  }
  [part~='label']:first-child {
    margin-block-start: 0;
  }
  .myth {
    color: var(--kolo-faq-myth-color, var(--_danger));
  }
  .fact {
    color: var(--kolo-faq-fact-color, var(--_success));
  }
  [part~='title'] {
    font-weight: 650;
    font-size: 1.0625em;
  }
  [part~='body'] {
    white-space: pre-line;
  }
  [part~='link'],
  [part~='next-step'] {
    display: inline-block;
    margin-block-start: 0.5rem;
    font-weight: 600;
  }
  [part~='feedback'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_border);
  }
  [part~='picker'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.25rem;
  }
  [part~='dot'] {
    inline-size: 1.5rem;
    min-block-size: 1.5rem;
    padding: 0;
    border: 0;
    background: radial-gradient(circle, var(--_border) 0 0.3rem, transparent 0.32rem);
  }
  [part~='dot'][aria-selected='true'] {
    background: radial-gradient(circle, var(--_accent) 0 0.4rem, transparent 0.42rem);
  }
  @media (prefers-reduced-motion: no-preference) {
    [part~='slides'] {
      scroll-behavior: smooth;
    }
  }
`;
