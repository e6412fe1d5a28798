import { setFlagsFromString } from "node:v8";

/**
 * How much V8 lets a heap grow past its live size before the next full collection, in percent.
 * By default it may grow several times over when a thread allocates fast, and checking drafts
 * allocates fast while keeping little: at 10,000 files the main thread held ~200 MB of heap of
 * which 30 MB was live, and peak RSS grew with the number of files (1,000 / 10,000 / 50,000:
 * 264 / 536 / 712 MB). At 50 % it is 220 / 322 / 380 MB at the same speed (BENCHMARKS.md).
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Applies it for the rest of the process. V8 flags are process-wide, so pool threads started later
 * get it too (a worker's execArgv cannot carry V8 options). V8 reads this flag at every full
 * collection, which is why setting it after start-up works; the CLI calls this once before running
 * a command, library callers choose for themselves.
 */
export function limitHeapGrowth(percent: number = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
