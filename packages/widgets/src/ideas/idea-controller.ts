import { createIdeaStore, emptyView, type IdeaBoardConfig, type IdeaStore, type IdeaView } from '@kolo/core';
import type { KoloElement } from '../base/kolo-element.ts';
import type { KoloIdeaElement } from './idea-element.ts';
import { WidgetController, type WidgetOptions } from '../base/widget-controller.ts';
import { KoloUpvoteEvent } from '../events/kolo-upvote.ts';
import { authoredNextStep, lightText } from '../base/light-dom.ts';

/**
 * The board as authored: `.config`, or the light DOM (first heading, first paragraph, the list
 * marked `data-categories` with `data-value` ids, `a[data-next-step]`) and attributes.
 */
export function readIdeaBoard(host: KoloIdeaElement, extra: Record<string, unknown> = {}): unknown {
  const own = {
    id: host.boardId || undefined,
    ...(host.kind ? { kind: host.kind } : {}),
    ...(host.moderated ? { moderated: true } : {}),
    ...(host.maxPerDay ? { maxPerDay: host.maxPerDay } : {}),
    ...extra,
  };
  if (host.config) return { ...own, ...host.config };
  const kids = [...host.children];
  const heading = kids.find((k) => k.matches('h1, h2, h3, h4, h5, h6, [data-heading]'));
  const description = kids.find((k) => k.matches('p, [data-description]') && !k.matches('[data-heading]'));
  const list = host.querySelector('[data-categories]');
  return {
    ...own,
    ...(heading ? { heading: lightText(heading) } : {}),
    ...(description ? { description: lightText(description) } : {}),
    ...(list ? { categories: [...list.children].map((li, i) => ({ id: li.getAttribute('data-value') ?? String(i + 1), label: lightText(li) })) } : {}),
    ...authoredNextStep(host),
  };
}

/** An idea board's lifecycle (see WidgetController) plus upvotes with a cancelable `kolo-upvote`. */
export class IdeaController extends WidgetController<IdeaBoardConfig, IdeaView, IdeaStore> {
  constructor(
    host: KoloElement,
    o: Omit<WidgetOptions<IdeaBoardConfig, IdeaStore>, 'store'>,
    /** forget the host's own UI state: another board (or adapter) is shown now */
    private readonly reset: () => void,
  ) {
    super(host, { ...o, store: createIdeaStore }, { status: 'loading', tally: emptyView(), pending: null, error: null });
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
