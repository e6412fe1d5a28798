#!/usr/bin/env node
// Thin shim: the CLI bundled from dist/ (written by `npm run build`, run by `npm ci` through `prepare`):
// a few files instead of ~200 modules. `check` and `build` start from dist/bundle/launch.cjs (CommonJS, so
// Node's ES module loader has nothing to do before the CLI runs; src/cli/launch.ts): it starts the pool
// a large run will need, then runs a CommonJS build of the CLI with that command alone
// (dist/bundle/cli-<command>.cjs) through V8's code cache, written when a run ends, so the next run does
// not compile again what this one did (src/engine/code-cache.ts). Any other command, and a missing
// script, load dist/bundle/cli.js. COPYDESK_DEBUG prints internal errors' stacks through source maps (those
// of the ES modules: it always loads cli.js). Built-ins come from process.getBuiltinModule: an ES import
// of node:fs would load every stream module for its facade.
const { existsSync } = process.getBuiltinModule("node:fs");

const argv = process.argv.slice(2);
// the command main() loads alone: the first word that is not an option (src/cli/main.ts, commandIn)
const command = argv.find((a) => !a.startsWith("-"));
const launcher = new URL("../dist/bundle/launch.cjs", import.meta.url);
let main;
if (
  !process.env.COPYDESK_DEBUG &&
  (command === "check" || command === "build") &&
  existsSync(new URL(`../dist/bundle/cli-${command}.cjs`, import.meta.url)) &&
  existsSync(launcher)
) {
  const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);
  const cli = require("../dist/bundle/launch.cjs").launch(command, argv, {
    importModule: (specifier) => import(specifier),
    resolveModule: (specifier, parent) => import.meta.resolve(specifier, parent),
  });
  // written when the first run that checked drafts ends (exit code 0 or 1), with what it compiled; not after
  // a usage error (exit code 2), whose cache would hold little of a check. An accepted cache stays as it is.
  process.once("exit", (code) => {
    if (code < 2) cli.save();
  });
  main = cli.main;
  process.exitCode = await main(argv);
  cli.settle();
} else {
  // Set before any of the CLI is compiled: V8 names its code cache by its flags (see src/cli/heap.ts, tiering.ts).
  const { limitHeapGrowth } = await import("../dist/cli/heap.js");
  const { tuneTiering } = await import("../dist/cli/tiering.js");
  // collect garbage before the heap grows far past what a run keeps
  limitHeapGrowth();
  // optimise functions once their feedback has settled, not within the first files
  tuneTiering();
  if (process.env.COPYDESK_DEBUG) process.setSourceMapsEnabled(true);
  ({ main } = await import("../dist/bundle/cli.js"));
  process.exitCode = await main(argv);
}
