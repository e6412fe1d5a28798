#!/usr/bin/env node
// Engine: median ms of lintArticle on the seed with every registered per-article rule on (strict preset,
// health on), text layer included; also read + lint, and the rules that take longest inside the full run.
//   node bench/engine.bench.mjs [--n 300] [--json]
// Reads from ../dist: run `npm run build` first. Needs ../shared beside the repository (skipped if absent).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dist, flag, median, opt } from "./lib.mjs";

const seed = fileURLToPath(new URL("../../shared/seeds/000_8277829d4fbb3e6e.txt", import.meta.url));
if (!existsSync(seed)) {
  console.log("engine: skipped, the seed needs ../shared beside the repository");
  process.exit(0);
}
const { lintArticle } = await import(dist("engine/lint.js", "engine").href);
const { resolveConfig } = await import(dist("engine/config.js", "engine").href);
const { readArticle } = await import(dist("read/index.js", "engine").href);
const { allRules } = await import(dist("rules/index.js", "engine").href);

const n = Number(opt("n", 300));
const input = { path: seed, text: readFileSync(seed, "utf8") };
const config = resolveConfig({ extends: "strict", health: "on" }, { registry: allRules });
const settings = { ...config.settings, now: new Date() };
const article = readArticle(input);
const perArticle = config.rules.filter((r) => !("checkCorpus" in r.rule));

const lint = median(() => lintArticle(article, { rules: perArticle, settings }), n);
const readLint = median(() => lintArticle(readArticle(input), { rules: perArticle, settings }), n);
// time each rule inside the full run (the first rule to read ctx.text pays for the text layer)
const spent = new Map();
const timed = perArticle.map((r) => ({
  ...r,
  rule: {
    meta: r.rule.meta,
    check(ctx) {
      const t = performance.now();
      r.rule.check(ctx);
      spent.set(r.rule.meta.id, (spent.get(r.rule.meta.id) ?? 0) + performance.now() - t);
    },
  },
}));
const runs = Math.max(20, Math.floor(n / 3));
for (let i = 0; i < runs; i++) lintArticle(article, { rules: timed, settings });
const perRule = [...spent]
  .map(([id, ms]) => [id, ms / runs])
  .sort((a, b) => b[1] - a[1])
  .slice(0, 5);

const diagnostics = lintArticle(article, { rules: perArticle, settings }).diagnostics.length;
const result = {
  rules: perArticle.length,
  diagnostics,
  lintMedianMs: Number(lint.toFixed(3)),
  readAndLintMedianMs: Number(readLint.toFixed(3)),
  slowestRulesMs: Object.fromEntries(perRule.map(([id, ms]) => [id, Number(ms.toFixed(3))])),
  targetMs: 3,
};
if (flag("json")) console.log(JSON.stringify({ bench: "engine", ...result }));
else
  console.log(
    `engine: lintArticle on the seed with ${result.rules} rules: ${result.lintMedianMs} ms median (read + lint ${result.readAndLintMedianMs} ms; target ≤ 3 ms), ${diagnostics} diagnostics; slowest rules inside the run (mean ms): ${perRule.map(([id, ms]) => `${id} ${ms.toFixed(2)}`).join(", ")}`,
  );
if (readLint > result.targetMs) process.exitCode = 1;
