#!/usr/bin/env node
// Runs a bench script under other V8 flags, to compare tiering settings on the same code:
//   V8F="--interrupt-budget=270000" node bench/with-v8-flags.mjs bench/throughput.bench.mjs --child --dir <corpus> --workers 2
// The flags are set with v8.setFlagsFromString before the script loads (process-wide, so pool threads
// get them too), and the script's own tuneTiering() call is ignored, so the flags given here decide.
import { createRequire, syncBuiltinESMExports } from "node:module";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const v8 = require("node:v8");
const set = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  if (!flags.startsWith("--interrupt-budget")) set(flags);
};
syncBuiltinESMExports();
for (const flag of (process.env.V8F ?? "").split(" ").filter(Boolean)) set(flag);

const script = process.argv[2];
if (!script) {
  console.error("usage: V8F='<flags>' node bench/with-v8-flags.mjs <bench script> [args…]");
  process.exit(2);
}
process.argv.splice(1, 1); // the script sees its own path and arguments, as if run directly
await import(pathToFileURL(resolve(script)).href);
