import { availableParallelism } from "node:os";

/**
 * Runs tasks in a worker-thread pool (or in-process for small batches) and
 * hands results back strictly in input order, with a bounded number of tasks
 * in flight so memory stays flat however many files a run has.
 */
export interface OrderedRunOptions<T, R> {
  /** worker threads; 1 runs in-process */
  workers: number;
  /** module whose default export is `(task: T) => R | Promise<R>`, for the pool */
  workerFile: string | URL;
  /** the same function, for in-process runs */
  inProcess: (task: T) => R | Promise<R>;
  /** called once per task, in input order */
  onResult: (result: R, index: number) => void;
  /** tasks in flight per worker (default 16) */
  windowPerWorker?: number;
}

/**
 * Below this many tasks one thread wins: each worker loads every module and warms its own JIT, and on
 * this project's 2-core machine two workers only overtook one between 1,000 files (8.5 s vs 7.5 s) and
 * 3,000 files (18.4 s vs 20.7 s, with less peak memory). See BENCHMARKS.md.
 */
export const MIN_TASKS_FOR_POOL = 1500;

export function autoWorkers(taskCount: number): number {
  if (taskCount < MIN_TASKS_FOR_POOL) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export async function runOrdered<T, R>(tasks: Iterable<T>, options: OrderedRunOptions<T, R>): Promise<number> {
  const { workers, onResult } = options;
  if (workers <= 1) {
    let i = 0;
    for (const task of tasks) onResult(await options.inProcess(task), i++);
    return i;
  }
  // loaded only for a pool: in-process runs and the pool's own threads (which import this module) skip it
  const { Piscina } = await import("piscina");
  const pool = new Piscina<T, R>({
    filename: options.workerFile instanceof URL ? options.workerFile.href : options.workerFile,
    minThreads: workers,
    maxThreads: workers,
  });
  const window = workers * (options.windowPerWorker ?? 16);
  const done = new Map<number, R>();
  let next = 0; // next index to hand to onResult
  let issued = 0;
  let failure: unknown;
  const inFlight = new Set<Promise<void>>();
  const flush = () => {
    while (done.has(next)) {
      const r = done.get(next) as R;
      done.delete(next);
      onResult(r, next++);
    }
  };
  try {
    for (const task of tasks) {
      const index = issued++;
      const p: Promise<void> = pool.run(task).then(
        (r) => {
          done.set(index, r);
          flush();
        },
        (err: unknown) => {
          failure ??= err;
        },
      );
      const tracked = p.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      // keep at most `window` tasks between the next result to emit and the newest issued
      while (issued - next >= window || inFlight.size >= window) {
        if (failure) throw failure;
        await Promise.race(inFlight);
      }
      if (failure) throw failure;
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    flush();
    return issued;
  } finally {
    await pool.destroy();
  }
}
