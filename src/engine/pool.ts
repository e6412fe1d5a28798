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
  /**
   * Count this thread as one of `workers` (`workers - 1` pool threads): it has every module loaded and
   * its JIT warm, where a new thread starts cold, and would otherwise sit idle. `inProcess` then runs
   * interleaved with pool results, and `onResult` may come later than the task's own `inProcess` call.
   */
  mainThreadWorks?: boolean;
}

/**
 * Below this many tasks one thread wins: each worker loads every module and warms its own JIT. On this
 * project's 2-core machine, with the CLI's tiering budget (src/cli/tiering.ts), two workers lose at 300
 * files (1.23–1.25 s vs 1.03–1.09 s) and win at 1,000 (2.09–2.14 s vs 2.28–2.38 s; a build is even).
 * Before that budget they only overtook one between 1,000 and 3,000 files. See BENCHMARKS.md.
 */
export const MIN_TASKS_FOR_POOL = 1000;

export function autoWorkers(taskCount: number): number {
  if (taskCount < MIN_TASKS_FOR_POOL) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Pool tasks each pool thread holds when this thread works too: it takes a task of its own only while
 * the threads have these, and the threads keep busy on them (rather than wait for this thread to hand
 * them the next) while it checks. A pool thread takes in the tasks posted to it only once it has run
 * all it took in before, and this thread posts more only between its own tasks: with 3, a pool thread
 * was often left with one task, ran out while this thread checked, and waited (~12 % of its time, a
 * core idle). Near the end the queue shrinks (see `poolShare`), so that both threads finish together.
 */
export const QUEUED_PER_THREAD = 8;

/**
 * How many tasks the pool threads should hold, of `left` tasks not yet run (in flight or not issued):
 * their share of what is left, at most `cap`. Past it, this thread takes the next task itself.
 */
export function poolShare(left: number, threads: number, workers: number, cap: number): number {
  return Math.min(cap, Math.floor((left * threads) / workers));
}

export async function runOrdered<T, R>(tasks: Iterable<T>, options: OrderedRunOptions<T, R>): Promise<number> {
  const { workers, onResult } = options;
  if (workers <= 1) {
    let i = 0;
    for (const task of tasks) onResult(await options.inProcess(task), i++);
    return i;
  }
  const mainWorks = options.mainThreadWorks === true;
  const threads = mainWorks ? workers - 1 : workers;
  // loaded only for a pool: in-process runs and the pool's own threads (which import this module) skip it
  const { Piscina } = await import("piscina");
  const window = workers * (options.windowPerWorker ?? 16);
  // room in the ordering window for this thread's task and the results it waits on
  const queued = Math.max(1, Math.min(threads * QUEUED_PER_THREAD, window - workers));
  const pool = new Piscina<T, R>({
    filename: options.workerFile instanceof URL ? options.workerFile.href : options.workerFile,
    minThreads: threads,
    maxThreads: threads,
    ...(mainWorks ? { concurrentTasksPerWorker: Math.ceil(queued / threads) } : {}),
  });
  const total = Array.isArray(tasks) ? tasks.length : Number.POSITIVE_INFINITY;
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
      if (mainWorks && inFlight.size >= poolShare(total - index + inFlight.size, threads, workers, queued)) {
        // the threads have enough queued: this thread checks the task itself, then lets their results in
        done.set(index, await options.inProcess(task));
        flush();
        await new Promise((r) => setImmediate(r));
      } else {
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
      }
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
