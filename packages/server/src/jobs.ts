/**
 * Work the server does on its own clock: sending what the outbox owes (webhooks, email), announcing
 * closed polls, checking reply targets, pruning. Each job runs at most every `every` ms; runs never
 * overlap; a failing job is reported and tried again on its next turn. Jobs that several servers on
 * one database may run at once claim their rows (`for update skip locked`), so each piece of work is
 * done once.
 */
export interface Job {
  name: string;
  /** the least time between two runs, ms */
  every: number;
  run: () => Promise<unknown>;
}

export interface Jobs {
  /** run the jobs named (all by default) now, in order, and wait for them (tests, the CLI) */
  run(...names: string[]): Promise<void>;
  /** stop the clock and wait for a run in progress */
  stop(): Promise<void>;
}

export function startJobs(jobs: readonly Job[], o: { tick: number; onError: (e: unknown, job: string) => void }): Jobs {
  const last = new Map<string, number>();
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const runOne = async (job: Job) => {
    last.set(job.name, Date.now());
    try {
      await job.run();
    } catch (e) {
      o.onError(e, job.name);
    }
  };
  // one run after another, whether the clock or `run` asked
  const queue = (fn: () => Promise<void>) => (running = running.then(fn));
  const due = async () => {
    for (const job of jobs) if (!stopped && Date.now() - (last.get(job.name) ?? 0) >= job.every) await runOne(job);
  };
  let busy = false;
  const timer = o.tick > 0 ? setInterval(() => {
    if (busy) return;
    busy = true;
    void queue(due).finally(() => (busy = false));
  }, o.tick) : undefined;
  timer?.unref();
  return {
    run: (...names) => queue(async () => {
      for (const job of jobs) if (!names.length || names.includes(job.name)) await runOne(job);
    }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
