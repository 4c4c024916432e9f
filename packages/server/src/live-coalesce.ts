/** Changes of one widget close together, merged into one notice or one broadcast (see ./live.ts). */

/**
 * Per key, changes merged in time: the first goes at once, the next no sooner than `gap` ms after the
 * last went and after it finished, with the ideas named meanwhile. `go` reports its own failures.
 */
export function coalesce(gap: number, go: (key: string, ideas: string[]) => Promise<void>) {
  const keys = new Map<string, { ideas: Set<string>; dirty: boolean; busy: boolean; last: number; timer?: ReturnType<typeof setTimeout> | undefined }>();
  type Pending = typeof keys extends Map<string, infer P> ? P : never;
  async function run(key: string, p: Pending) {
    p.timer = undefined;
    // quiet for a whole gap: forgotten
    if (!p.dirty) return void keys.delete(key);
    const ideas = [...p.ideas];
    p.ideas.clear();
    p.dirty = false;
    p.busy = true;
    p.last = Date.now();
    try {
      await go(key, ideas);
    } catch {
      /* reported by `go` */
    } finally {
      p.busy = false;
      p.timer = setTimeout(() => void run(key, p), Math.max(0, p.last + gap - Date.now()));
      p.timer.unref?.();
    }
  }
  return (key: string, ideas: readonly string[]): Promise<void> => {
    const p = keys.get(key) ?? keys.set(key, { ideas: new Set(), dirty: false, busy: false, last: 0 }).get(key)!;
    for (const i of ideas) p.ideas.add(i);
    p.dirty = true;
    return p.busy || p.timer ? Promise.resolve() : run(key, p);
  };
}
