import { createIdeaStore, emptyView, type IdeaBoardConfig, type IdeaStore, type IdeaView, type StorePart } from '@kolo/core';
import type { KoloElement } from '../base/kolo-element.ts';
import { WidgetController, type WidgetOptions } from '../base/widget-controller.ts';
import { KoloUpvoteEvent } from '../events/kolo-upvote.ts';

/**
 * An idea board's lifecycle (see WidgetController) plus upvotes with a cancelable `kolo-upvote`;
 * `part` adds to its stores (a board's `boardPages`).
 */
export class IdeaController<X = object> extends WidgetController<IdeaBoardConfig, IdeaView, IdeaStore & X> {
  constructor(
    host: KoloElement,
    o: Omit<WidgetOptions<IdeaBoardConfig, IdeaStore & X>, 'store'>,
    /** forget the host's own UI state: another board (or adapter) is shown now */
    private readonly reset: () => void,
    part?: StorePart<X>,
  ) {
    super(host, { ...o, store: (a, c, v) => createIdeaStore(a, c, v, part) }, { status: 'loading', tally: emptyView(), pending: null, error: null });
  }

  protected override restart(): void {
    this.reset();
  }

  /** Upvote or take back, unless a `kolo-upvote` listener cancels. Resolves true when accepted. */
  async upvote(idea: string, on: boolean): Promise<boolean> {
    const store = this.store;
    if (!store || this.view.status !== 'ready') return false;
    if (!this.host.dispatchEvent(new KoloUpvoteEvent({ id: store.widget.id, idea, on }))) return false;
    this.signal('interact', { idea, upvote: String(on) });
    return store.upvote(idea, on);
  }
}
