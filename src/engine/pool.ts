import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import type { Piscina } from "piscina";

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

/** How `runOrdered` sets up its pool for `workers` with or without this thread working too. */
function poolSettings(workers: number, mainWorks: boolean, windowPerWorker = 16) {
  const threads = mainWorks ? workers - 1 : workers;
  const window = workers * windowPerWorker;
  // room in the ordering window for this thread's task and the results it waits on
  const queued = Math.max(1, Math.min(threads * QUEUED_PER_THREAD, window - workers));
  return { threads, window, queued, concurrentTasksPerWorker: mainWorks ? Math.ceil(queued / threads) : undefined };
}

function newPool<T, R>(workerFile: string | URL, threads: number, concurrent: number | undefined): Piscina<T, R> {
  // required, not imported: `startPoolEarly` must spawn the thread at once, before the caller goes on
  const { Piscina } = createRequire(import.meta.url)("piscina") as typeof import("piscina");
  return new Piscina<T, R>({
    filename: workerFile instanceof URL ? workerFile.href : workerFile,
    minThreads: threads,
    maxThreads: threads,
    ...(concurrent !== undefined ? { concurrentTasksPerWorker: concurrent } : {}),
  });
}

/**
 * Ends a pool's threads without waiting for their teardown: a run that awaited it sat idle up to 430 ms,
 * every result in hand, before its corpus pass, report or site files; the process waits for it at exit.
 */
function endPool(pool: { destroy(): Promise<void> }): void {
  pool.destroy().catch(() => {});
}

/**
 * A pool started before its run, waiting to be taken by it. Kept on `globalThis`: the CLI's launcher
 * (dist/bundle/launch.cjs) starts it, and the CLI's own bundle, another copy of this module, runs it.
 */
interface EarlyPool {
  key: string;
  pool: Piscina;
}
const EARLY = Symbol.for("copydesk.earlyPool");
const early = globalThis as { [EARLY]?: EarlyPool };

function poolKey(workerFile: string | URL, threads: number, concurrent: number | undefined): string {
  return JSON.stringify([workerFile instanceof URL ? workerFile.href : workerFile, threads, concurrent ?? null]);
}

/**
 * Starts the pool that `runOrdered` with these `workers` (this thread working too) will run on, now: its
 * threads load the worker while this thread goes on with its own start-up (loading the CLI, the config,
 * listing the inputs), where they would otherwise start only once the run begins. The run takes it when
 * it asks for the same pool; a run that asks for another, or for none, ends it (`dropEarlyPool`). Start one
 * only when the run is known to need it: an idle pool's threads do not keep the process alive, but
 * their start costs a core ~0.3 s.
 */
export function startPoolEarly(workerFile: string | URL, workers: number, windowPerWorker?: number): void {
  if (workers <= 1 || early[EARLY]) return;
  const { threads, concurrentTasksPerWorker } = poolSettings(workers, true, windowPerWorker);
  early[EARLY] = {
    key: poolKey(workerFile, threads, concurrentTasksPerWorker),
    pool: newPool(workerFile, threads, concurrentTasksPerWorker),
  };
}

/** The pool started early for exactly this run, if any (it is then this run's): any other is ended. */
function takeEarlyPool<T, R>(key: string | undefined): Piscina<T, R> | undefined {
  const started = early[EARLY];
  if (!started) return undefined;
  delete early[EARLY];
  if (started.key === key) return started.pool as unknown as Piscina<T, R>;
  endPool(started.pool);
  return undefined;
}

/** Whether a pool started early waits for its run (for tests). */
export function hasEarlyPool(): boolean {
  return early[EARLY] !== undefined;
}

/** Ends a pool started early that no run took (a run that needs no pool after all). */
export function dropEarlyPool(): void {
  takeEarlyPool(undefined);
}

export async function runOrdered<T, R>(tasks: Iterable<T>, options: OrderedRunOptions<T, R>): Promise<number> {
  const { workers, onResult } = options;
  if (workers <= 1) {
    dropEarlyPool();
    let i = 0;
    for (const task of tasks) onResult(await options.inProcess(task), i++);
    return i;
  }
  const mainWorks = options.mainThreadWorks === true;
  const { threads, window, queued, concurrentTasksPerWorker } = poolSettings(
    workers,
    mainWorks,
    options.windowPerWorker,
  );
  const pool =
    takeEarlyPool<T, R>(poolKey(options.workerFile, threads, concurrentTasksPerWorker)) ??
    newPool<T, R>(options.workerFile, threads, concurrentTasksPerWorker);
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
    endPool(pool);
  }
}
