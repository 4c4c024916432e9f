import type { Idea } from '../contract/views.ts';
import { mergeView } from '../contract/merge.ts';
import { TYPING_PAUSE, type StorePart } from './store.ts';

/** What a form's store adds: similar ideas from the adapter. */
export interface SimilarPart {
  /**
   * Ask the adapter's `similar` for ideas like `title` once typing pauses: their ids in
   * `$view.similar`, the ideas merged into `tally` (an answer for an older title is dropped). Without
   * it, nothing: a form looks among the loaded ideas (`similarIdeas`).
   */
  similar(title: string): void;
}

export const similarPart: StorePart<SimilarPart> = (parts) => {
  const { adapter, widget, voter } = parts;
  let finding: ReturnType<typeof setTimeout> | undefined;
  let title = '';
  return {
    similar(t) {
      title = t;
      clearTimeout(finding);
      const find = adapter.similar;
      if (find)
        finding = setTimeout(async () => {
          const found = await find.call(adapter, widget, voter, t).catch(() => null);
          if (found && t === title)
            parts.patch({ tally: mergeView(true, parts.$view.get().tally, { ...found, partial: 'voter' }), similar: (found.ideas ?? []).map((i: Idea) => i.id) });
        }, TYPING_PAUSE);
    },
  };
};
