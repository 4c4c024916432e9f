/** A record keyed by ids: no prototype, so ids such as `__proto__` or `constructor` are only ids. */
export const idRecord = <T>(from?: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, from);

/** The count of an id, 0 when there is none (never an inherited property such as `constructor`). */
export const countOf = (counts: Record<string, number>, id: string): number => (Object.hasOwn(counts, id) ? (counts[id] ?? 0) : 0);
