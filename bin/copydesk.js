#!/usr/bin/env node
// Thin shim: the CLI bundled from dist/ (written by `npm run build`, run by `npm ci` through `prepare`):
// a few files instead of ~200 modules. `check` and `build` run from a CommonJS build of the CLI with that
// command alone (dist/bundle/cli-<command>.cjs) through V8's code cache, written when a run ends, so the
// next run does not compile again what this one did (src/engine/code-cache.ts); any other command, and a
// missing script, load dist/bundle/cli.js. COPYDESK_DEBUG prints internal errors' stacks through source
// maps (those of the ES modules: it always loads cli.js).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { limitHeapGrowth } from "../dist/cli/heap.js";
import { tuneTiering } from "../dist/cli/tiering.js";

// Set before any of the CLI is compiled: V8 names its code cache by its flags (see src/cli/heap.ts, tiering.ts).
// collect garbage before the heap grows far past what a run keeps
limitHeapGrowth();
// optimise functions once their feedback has settled, not within the first files
tuneTiering();

const argv = process.argv.slice(2);
// the command main() loads alone: the first word that is not an option (src/cli/main.ts, commandIn)
const command = argv.find((a) => !a.startsWith("-"));
const script = new URL(`../dist/bundle/cli-${command}.cjs`, import.meta.url);
let main;
if (!process.env.COPYDESK_DEBUG && (command === "check" || command === "build") && existsSync(script)) {
  const { runCachedCommonJs } = await import("../dist/engine/code-cache.js");
  const cli = runCachedCommonJs(fileURLToPath(script));
  // written when the first run that checked drafts ends (exit code 0 or 1), with what it compiled; not after
  // a usage error (exit code 2), whose cache would hold little of a check. An accepted cache stays as it is.
  process.once("exit", (code) => {
    if (code < 2) cli.save();
  });
  main = cli.exports.main;
} else {
  if (process.env.COPYDESK_DEBUG) process.setSourceMapsEnabled(true);
  ({ main } = await import("../dist/bundle/cli.js"));
}
process.exitCode = await main(argv);
