/**
 * A changelog ("you asked, we did"): the boards it covers, registered on the server by the team (never
 * taken from a client), and what a page request takes.
 */
import * as z from 'zod/mini';
import { LIMITS } from './limits.ts';
import { idSchema } from './ids.ts';
import { wireText } from './keys.ts';
import { isBoardKind, parseWidgetKey } from './widgets.ts';

/** A board's widget key: `ideas:<id>` or `questions:<id>`. */
export const isBoardKey = (key: string): boolean => {
  const w = parseWidgetKey(key);
  return !!w && isBoardKind(w.kind) && idSchema.safeParse(w.id).success;
};
const boardKeySchema = z.string().check(z.refine(isBoardKey, 'must name a board: ideas:<id> or questions:<id>'));

/** A changelog's rules: the boards whose ideas done and questions answered it lists, and its feed's title. */
export const changelogRulesSchema = z.object({
  boards: z.array(boardKeySchema).check(z.minLength(1, 'name at least one board'), z.maxLength(LIMITS.changelogBoards, `at most ${LIMITS.changelogBoards} boards`)),
  title: z.optional(wireText(LIMITS.changelogTitle, 1)),
});
export type ChangelogRules = z.infer<typeof changelogRulesSchema>;

/**
 * `GET /v1/widgets/changelog/:id?cursor&limit` (and its `feed.atom`): one page of entries, newest
 * first. The cursor is the opaque `next` of the page before.
 */
export const changelogQuerySchema = z.object({
  cursor: z.optional(z.string().check(z.minLength(1, 'is required'), z.maxLength(LIMITS.boardCursor, `must be at most ${LIMITS.boardCursor} characters`), z.regex(/^[\w-]+$/, 'is not a cursor of this server'))),
  limit: z._default(
    z.pipe(
      z.pipe(z.string().check(z.regex(/^\d{1,4}$/, 'must be a whole number')), z.transform(Number)),
      z.number().check(z.gte(1, 'must be at least 1'), z.lte(LIMITS.changelogPageMax, `must be at most ${LIMITS.changelogPageMax}`)),
    ),
    LIMITS.changelogPage,
  ),
});
