import * as z from 'zod/mini';
import { parseWith, text, type Parsed } from '../content/common.ts';
import { whole } from '../content/checks.ts';
import { idSchema } from '../contract/ids.ts';
import { isBoardKey } from '../contract/changelog.ts';
import { LIMITS } from '../contract/limits.ts';
import type { WidgetRef } from '../contract/widgets.ts';

/**
 * A changelog as authored. `boards` is read only by adapters that hold the boards themselves (memory,
 * local); a server lists the boards registered with the changelog, whatever a page says.
 */
export const changelogSchema = z.object({
  id: idSchema,
  boards: z._default(
    z.array(z.string().check(z.refine(isBoardKey, 'must name a board: ideas:<id> or questions:<id>'))).check(z.maxLength(LIMITS.changelogBoards, `at most ${LIMITS.changelogBoards} boards`)),
    [],
  ),
  heading: z.optional(text(200)),
  description: z.optional(text(600)),
  /** entries per page (default 20) */
  pageSize: z.optional(whole(1, LIMITS.changelogPageMax)),
});
export type ChangelogConfig = z.output<typeof changelogSchema>;

export const parseChangelog = (input: unknown): Parsed<ChangelogConfig> => parseWith(changelogSchema, input);

export const changelogWidget = (c: Pick<ChangelogConfig, 'id'>): WidgetRef => ({ kind: 'changelog', id: c.id });
