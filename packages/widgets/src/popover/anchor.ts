import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';

/**
 * Keep `floating` (a fixed-position popover) next to `anchor`, flipping to the other side at the
 * viewport edge and shifting to stay inside it, until the returned function is called.
 * Loaded with `import()` the first time a popover opens.
 */
export function anchor(anchorEl: HTMLElement, floating: HTMLElement, onPlaced?: () => void): () => void {
  const place = () =>
    computePosition(anchorEl, floating, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [offset(6), flip(), shift({ padding: 8 })],
    }).then(({ x, y, placement }) => {
      Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
      floating.dataset.placement = placement;
      onPlaced?.();
    });
  return autoUpdate(anchorEl, floating, place);
}
