/**
 * Where an idea or question stands. `pending` waits for moderation and `rejected` was refused by a
 * moderator: both are visible only to their author. The public path is
 * `review` → `planned` → `progress` → `done`, or `declined`.
 */
export const IDEA_STATUSES = ['pending', 'rejected', 'review', 'planned', 'progress', 'done', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
/** Statuses everyone sees, in the order an idea moves through them (the others only its author and the team). */
export const PUBLIC_STATUSES: readonly IdeaStatus[] = ['review', 'planned', 'progress', 'done', 'declined'];
/** Statuses in which an idea still takes upvotes. */
export const OPEN_STATUSES: readonly IdeaStatus[] = ['review', 'planned', 'progress'];
