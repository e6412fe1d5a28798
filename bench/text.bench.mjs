#!/usr/bin/env node
// Text layer and readability rules on the sample draft: median ms per call after warm-up, in one warm
// process (the stem and syllable memos stay warm, as in a real run over many articles).
//   node bench/text.bench.mjs [--n 300] [--json]
// Reads from ../dist: run `npm run build` first (`npm run bench` does not build). Needs ../shared for the seed.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const dist = (p) => new URL(`../dist/${p}`, import.meta.url);
const seed = fileURLToPath(new URL("../../shared/seeds/000_8277829d4fbb3e6e.txt", import.meta.url));

if (!existsSync(dist("text/analyze.js"))) {
  console.error("text: dist/ is missing; run `npm run build` first");
  process.exit(1);
}
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

function median(fn) {
  for (let i = 0; i < Math.min(50, n); i++) fn();
  const times = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

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

if (args.includes("--json")) {
  console.log(JSON.stringify({ bench: "text", n, words: text.words.length, results }));
} else {
  console.log(
    `text layer on the seed (${text.words.length} words, ${text.sentences.length} sentences), median of ${n}:`,
  );
  for (const [name, ms] of Object.entries(results)) console.log(`  ${name.padEnd(34)} ${ms.toFixed(3)} ms`);
}
