#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs in its own process (a clean heap each), in name order.
// Extra arguments (for example --json or --n 1000) are passed through to each script.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.env.BENCH_ONLY;
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.mjs") && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const script of scripts) {
  const r = spawnSync(process.execPath, ["--expose-gc", `${dir}${script}`, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
