#!/usr/bin/env node
// draft/* and health/* rules on the sample draft: median µs per rule per article after warm-up, with the
// article read and its text layer built once (as the engine shares them between rules).
//   node bench/draft-health.bench.mjs [--n 2000] [--json]
// Reads from ../dist: run `npm run build` first (`npm run bench` does not build). Needs ../shared for the seed.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dist, flag, median, opt } from "./lib.mjs";

const seed = fileURLToPath(new URL("../../shared/seeds/000_8277829d4fbb3e6e.txt", import.meta.url));
if (!existsSync(seed)) {
  console.log("draft-health: skipped, the seed needs ../shared beside the repository");
  process.exit(0);
}

const { readArticle } = await import(dist("read/index.js", "draft-health").href);
const { analyzeText } = await import(dist("text/analyze.js", "draft-health").href);
const { draftRules } = await import(dist("rules/draft/index.js", "draft-health").href);
const { healthRules } = await import(dist("rules/health/index.js", "draft-health").href);

const n = Number(opt("n", 2000));
const text = readFileSync(seed, "utf8");
const article = readArticle({ path: seed, text });
const analysis = analyzeText(article);
const settings = { now: new Date("2026-11-24T00:00:00Z"), health: "on" };
const results = {};
let total = 0;
for (const rule of [...draftRules, ...healthRules]) {
  const ctx = {
    article,
    options: rule.meta.options.parse({}),
    text: analysis,
    vocab: undefined,
    settings,
    report() {},
  };
  const ms = median(() => rule.check(ctx), n);
  results[rule.meta.id] = Math.round(ms * 1000 * 10) / 10;
  total += ms;
}
results.total = Math.round(total * 1000 * 10) / 10;
if (flag("json")) console.log(JSON.stringify({ bench: "draft-health", unit: "µs", n, results }));
else {
  console.log(`draft-health: median µs per article on the seed (n=${n})`);
  for (const [id, us] of Object.entries(results)) console.log(`  ${id.padEnd(28)} ${us}`);
}
