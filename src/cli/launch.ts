import { fileURLToPath } from "node:url";
import { type CachedScriptOptions, runCachedCommonJs } from "../engine/code-cache.js";
import { dropEarlyPool, startPoolEarly } from "../engine/pool.js";
import { scriptHash } from "../engine/script-hashes.js";
import { checkWorkerFile } from "../engine/worker-file.js";
import { earlyPoolWorkers } from "./early-pool.js";
import { limitHeapGrowth } from "./heap.js";
import { tuneTiering } from "./tiering.js";

export interface Launched {
  main: (argv: string[]) => Promise<number>;
  /** writes the CLI's code cache (see `CachedScript.save`) */
  save(): boolean;
  /** ends a pool started early that the run did not take */
  settle(): void;
}

/**
 * What bin/copydesk.js runs for `check` and `build` (as dist/bundle/launch.cjs, CommonJS: no ES module
 * loader before the CLI's first line): V8's settings, then the pool a large run will need, started
 * before anything else (`earlyPoolWorkers`) so that its thread loads while this one loads the CLI, and
 * then the CLI with that command alone (dist/bundle/cli-<command>.cjs) through V8's code cache.
 * `loader`: Node's `import()` and `import.meta.resolve`, which only an ES module has, for the CLI's own.
 */
export function launch(
  command: "check" | "build",
  argv: readonly string[],
  loader: Required<Pick<CachedScriptOptions, "importModule" | "resolveModule">>,
): Launched {
  // before any of the CLI is compiled: V8 names its code cache by its flags (see heap.ts, tiering.ts)
  limitHeapGrowth();
  tuneTiering();
  const workers = earlyPoolWorkers(argv, process.cwd());
  if (workers > 1) startPoolEarly(checkWorkerFile(), workers);
  const name = `cli-${command}.cjs`;
  const cli = runCachedCommonJs<{ main: Launched["main"] }>(
    fileURLToPath(new URL(`../bundle/${name}`, import.meta.url)),
    { ...loader, hash: scriptHash(name) },
  );
  return { main: cli.exports.main, save: () => cli.save(), settle: dropEarlyPool };
}
