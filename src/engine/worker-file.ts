import { statSync } from "node:fs";

/**
 * The pool worker's entry. `npm run build` bundles it (dist/bundle/worker.cjs): a thread then loads a
 * few files instead of ~200 modules, which is most of what a worker pays before its first file. The
 * bundle is used only when it is at least as new as this module: a `tsc` run after the last bundle
 * would otherwise leave pool threads checking with older code than the main thread.
 */
export function checkWorkerFile(): URL {
  const own = new URL(import.meta.url);
  const bundled = new URL("../bundle/worker.cjs", own);
  const plain = new URL("./worker.js", own);
  try {
    return statSync(bundled).mtimeMs >= statSync(own).mtimeMs ? bundled : plain;
  } catch {
    return plain; // not bundled (tests from src/, or a build without the bundle step)
  }
}
