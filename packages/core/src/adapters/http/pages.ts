/**
 * A board's pages over HTTP: the query as the address's parameters, and each page after the first
 * added to the pages before it, so a widget always gets everything loaded so far.
 */
import type { BoardPageQuery } from '../../contract/adapter.ts';
import type { WidgetRef } from '../../contract/widgets.ts';

const PARAMS = { sort: 'sort', status: 'status', category: 'category', search: 'q', cursor: 'cursor', limit: 'limit' } as const;

/** `GET /v1/widgets/:kind/:id`, with a board's query when given (`?sort=new&q=…&cursor=…`; empty filters left out). */
export function widgetPath(widget: WidgetRef, query: BoardPageQuery = {}): string {
  const path = `/v1/widgets/${encodeURIComponent(widget.kind)}/${encodeURIComponent(widget.id)}`;
  const params = new URLSearchParams();
  for (const [k, name] of Object.entries(PARAMS)) {
    const v = query[k as keyof BoardPageQuery];
    if (v !== undefined && v !== '') params.set(name, String(v));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Which ideas a load asked for, whatever its page: loads of the same query add up. */
export const queryKey = ({ cursor: _, ...q }: BoardPageQuery = {}): string => widgetPath({ kind: 'ideas', id: '' }, q);
