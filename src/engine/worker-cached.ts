import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { checkTask } from "./batch.js";
import { runCachedCommonJs } from "./code-cache.js";
import { scriptHash } from "./script-hashes.js";

/**
 * The bundled pool worker's entry (dist/bundle/worker.cjs): runs the CommonJS build of `worker.ts`
 * (dist/bundle/worker-body.cjs) with V8's code cache, so a new thread does not parse and compile the
 * checker's functions again. It is CommonJS itself, required by piscina's thread: an ES module entry
 * cost the thread Node's ESM loader and the ES facades of the built-ins it imports (node:fs's pulls in
 * every stream module). The first thread without a cache writes one once it has checked `WARM_TASKS`
 * tasks: by then the functions a check needs are compiled, and the cache keeps them.
 */
const WARM_TASKS = 25;

const bodyPath = fileURLToPath(new URL("../bundle/worker-body.cjs", import.meta.url));
const body = runCachedCommonJs<{ default: typeof checkTask }>(bodyPath, {
  hash: scriptHash("worker-body.cjs"),
  // (a CommonJS file has no import.meta.resolve; the checker never resolves a package by name)
  resolveModule: (specifier, parent) => pathToFileURL(createRequire(parent).resolve(specifier)).href,
});
let tasks = 0;

/** whether this thread's code came from the cache (for tests) */
export const fromCodeCache = body.fromCache;

export default async function cachedCheckTask(task: Parameters<typeof checkTask>[0]) {
  const result = await body.exports.default(task);
  if (++tasks === WARM_TASKS) body.save();
  return result;
}
