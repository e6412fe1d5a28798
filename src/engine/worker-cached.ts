import { fileURLToPath } from "node:url";
import type { checkTask } from "./batch.js";
import { runCachedCommonJs } from "./code-cache.js";

/**
 * The bundled pool worker's entry (dist/bundle/worker.js): runs the CommonJS build of `worker.ts`
 * (dist/bundle/worker-body.cjs) with V8's code cache, so a new thread does not parse and compile the
 * checker's functions again. The first thread without a cache writes one once it has checked
 * `WARM_TASKS` tasks: by then the functions a check needs are compiled, and the cache keeps them.
 */
const WARM_TASKS = 25;

const body = runCachedCommonJs<{ default: typeof checkTask }>(
  fileURLToPath(new URL("../bundle/worker-body.cjs", import.meta.url)),
);
let tasks = 0;

/** whether this thread's code came from the cache (for tests) */
export const fromCodeCache = body.fromCache;

export default async function cachedCheckTask(task: Parameters<typeof checkTask>[0]) {
  const result = await body.exports.default(task);
  if (++tasks === WARM_TASKS) body.save();
  return result;
}
