import type { ReactiveElement } from 'lit';

/** After the next render, move focus to the first element in `host`'s shadow root matching `selector`. */
export function focusAfterRender(host: ReactiveElement, selector: string): void {
  void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
}
