#!/usr/bin/env node
// Readers: median ms to read one draft into the model, after warm-up, for the seed (bundle) and each example.
//   node bench/read.bench.mjs [--n 500] [--json]
// Reads from ../dist: run `npm run build` first. The seed needs ../shared beside the repository (skipped if absent).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dist, flag, median, opt } from "./lib.mjs";

const { readArticle } = await import(dist("read/index.js", "read").href);
const { articleView } = await import(dist("read/view.js", "read").href);

const n = Number(opt("n", 500));
const seed = fileURLToPath(new URL("../../shared/seeds/000_8277829d4fbb3e6e.txt", import.meta.url));
const inputs = [];
if (existsSync(seed)) inputs.push(["seed (bundle)", seed]);
else console.log("read: seed skipped, it needs ../shared beside the repository");
for (const name of [
  "coffee-roasting.txt",
  "houseplant-care.txt",
  "knee-pain-after-running.md",
  "budgeting-irregular-income.html",
])
  inputs.push([`examples/${name}`, fileURLToPath(new URL(`../examples/${name}`, import.meta.url))]);

const results = {};
for (const [label, path] of inputs) {
  const input = { path, text: readFileSync(path, "utf8") };
  results[label] = {
    read: median(() => readArticle(input), n),
    "read + view": median(() => articleView(readArticle(input)), n),
    chars: input.text.length,
  };
}

if (flag("json")) console.log(JSON.stringify({ bench: "read", n, results }));
else {
  console.log(`readers, median of ${n} after warm-up (target: seed < 2 ms):`);
  for (const [label, r] of Object.entries(results))
    console.log(
      `  ${label.padEnd(42)} read ${r.read.toFixed(3)} ms   read+view ${r["read + view"].toFixed(3)} ms   (${r.chars} chars)`,
    );
}
