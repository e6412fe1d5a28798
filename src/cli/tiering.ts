import { setFlagsFromString } from "node:v8";

/**
 * How much bytecode a function runs, in bytes, before V8 weighs optimising it (Node 20's V8 default:
 * 67,584). At the default a fresh thread checking drafts hands TurboFan hundreds of functions within
 * its first files, several of them more than once as their feedback is still changing, and a run of
 * 1,000 files spent ~1.3 s of CPU per thread compiling (measured with --no-concurrent-recompilation).
 * On a 2-core machine that compile work competes with the checking threads. Waiting longer lets the
 * feedback settle first: fewer, final compilations. See BENCHMARKS.md for the figures.
 */
export const INTERRUPT_BUDGET = 1_000_000;

/**
 * Applies it for the rest of the process. Like the heap limit (heap.ts), V8 flags are process-wide, so
 * pool threads started later get it from their first function; V8 reads it whenever a function's budget
 * is reset, which is why setting it after start-up works. The CLI calls this before running a command;
 * library callers choose for themselves. `set` is V8's setter, replaceable so a test can see the flag.
 */
export function tuneTiering(
  budget: number = INTERRUPT_BUDGET,
  set: (flags: string) => void = setFlagsFromString,
): void {
  set(`--interrupt-budget=${budget}`);
}
