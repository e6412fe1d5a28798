#!/usr/bin/env node
// Text layer and readability rules on the sample draft: median ms per call after warm-up, in one warm
// process (the stem and syllable memos stay warm, as in a real run over many articles).
//   node bench/text.bench.mjs [--n 300] [--json]
// Reads from ../dist: run `npm run build` first (`npm run bench` does not build). Needs ../shared for the seed.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dist as built, flag, median as medianOf, opt } from "./lib.mjs";

const dist = (p) => built(p, "text");
const seed = fileURLToPath(new URL("../../shared/seeds/000_8277829d4fbb3e6e.txt", import.meta.url));

if (!existsSync(seed)) {
  console.log("text: skipped, the seed needs ../shared beside the repository");
  process.exit(0);
}

const { readArticle } = await import(dist("read/index.js").href);
const { analyzeText } = await import(dist("text/analyze.js").href);
const { computeStats } = await import(dist("text/stats.js").href);
const { computeScores } = await import(dist("engine/scores.js").href);
const { lintArticle } = await import(dist("engine/lint.js").href);
const { readabilityRules } = await import(dist("rules/readability/index.js").href);
const { allRules } = await import(dist("rules/index.js").href);
const { isCorpusRule } = await import(dist("engine/types.js").href);

const n = Number(opt("n", 300));
const input = { path: seed, text: readFileSync(seed, "utf8") };
const settings = { now: new Date("2026-11-24T00:00:00Z"), health: "auto" };
const resolve = (rules) =>
  rules
    .filter((rule) => !isCorpusRule(rule))
    .map((rule) => ({
      rule,
      severity: rule.meta.severity,
      options: rule.meta.options ? rule.meta.options.parse({}) : {},
    }));
const readability = resolve(readabilityRules);
const everything = resolve(allRules);

const median = (fn) => medianOf(fn, n, Math.min(50, n));

const article = readArticle(input);
const text = analyzeText(article);
const results = {
  read: median(() => readArticle(input)),
  analyzeText: median(() => analyzeText(article)),
  "analyzeText + readability rules": median(() => lintArticle(article, { rules: readability, settings })),
  "analyzeText + stats + scores": median(() => {
    const t = analyzeText(article);
    computeStats(article, t);
    computeScores(article, t);
  }),
  "read + all rules": median(() => lintArticle(readArticle(input), { rules: everything, settings })),
};

if (flag("json")) {
  console.log(JSON.stringify({ bench: "text", n, words: text.words.length, results }));
} else {
  console.log(
    `text layer on the seed (${text.words.length} words, ${text.sentences.length} sentences), median of ${n}:`,
  );
  for (const [name, ms] of Object.entries(results)) console.log(`  ${name.padEnd(34)} ${ms.toFixed(3)} ms`);
}
