/**
 * Where an idea or question stands. `pending` waits for moderation and `rejected` was refused by a
 * moderator: both are visible only to their author. The public path is
 * `review` → `planned` → `progress` → `done`, or `declined`.
 */
export const IDEA_STATUSES = ['pending', 'rejected', 'review', 'planned', 'progress', 'done', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
