#!/usr/bin/env node
// `npm run bench` entry for the yoastseo side-by-side: runs bench/compare-yoast.mjs on a small
// sample (yoastseo needs ~0.7 s per article). Extra arguments pass through (--json, --n 10).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./compare-yoast.mjs", import.meta.url));
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [script, ...(args.includes("--n") ? [] : ["--n", "3"]), ...args], {
  stdio: "inherit",
});
process.exitCode = r.status ?? 1;
