#!/usr/bin/env node
// Structured data: cold load of the schema.org vocabulary index (fresh process each time), and the
// jsonld/*, google/*, consistency/* rules on the seed draft (median per article after warm-up;
// each timed run gets a freshly read article, so the JSON-LD node walk is included, reading is not).
//   node bench/vocab.bench.mjs [--n 500] [--loads 7] [--json]
// Reads from ../dist: run `npm run build` first. The seed comes from ../shared (skipped without it).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const dist = (p) => new URL(`../dist/${p}`, import.meta.url);
if (!existsSync(dist("vocab/index.js"))) {
  console.error("vocab: dist/ is missing; run `npm run build` first");
  process.exit(1);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

// 1. cold vocabulary load, each in a new process so nothing is cached
const loadScript = `const t0 = performance.now(); const { loadVocab } = await import(${JSON.stringify(dist("vocab/index.js").href)}); const t1 = performance.now(); const v = loadVocab(); const t2 = performance.now(); v.allows("NewsArticle", "headline"); process.stdout.write(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, version: v.version }));`;
const loads = [];
let version = "";
for (let i = 0; i < opt("loads", 7); i++) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", loadScript], { encoding: "utf8" });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  const m = JSON.parse(r.stdout);
  loads.push(m.loadMs);
  version = m.version;
}

// the fallback when dist/vocab/schemaorg.json is absent: parsing the package's schema.nq
const parseScript = `const { buildVocabData, createVocabIndex } = await import(${JSON.stringify(dist("vocab/index.js").href)}); const t = performance.now(); createVocabIndex(buildVocabData()); process.stdout.write(String(performance.now() - t));`;
const parses = [];
for (let i = 0; i < 3; i++) {
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", parseScript], { encoding: "utf8" });
  if (r.status === 0) parses.push(Number(r.stdout));
}

// 2. the structured-data rules on the seed
const seedPath = fileURLToPath(new URL("../../shared/seeds/000_8277829d4fbb3e6e.txt", import.meta.url));
let rules = null;
if (existsSync(seedPath)) {
  const text = readFileSync(seedPath, "utf8");
  const { readArticle } = await import(dist("read/index.js").href);
  const { lintArticle } = await import(dist("engine/lint.js").href);
  const { loadVocab } = await import(dist("vocab/index.js").href);
  const categories = await Promise.all(
    ["jsonld", "google", "consistency"].map((c) => import(dist(`rules/${c}/index.js`).href)),
  );
  const ruleList = [...categories[0].jsonldRules, ...categories[1].googleRules, ...categories[2].consistencyRules];
  const resolved = ruleList.map((rule) => ({
    rule,
    severity: rule.meta.severity,
    options: rule.meta.options?.parse({}) ?? {},
  }));
  const settings = { now: new Date("2026-11-24T00:00:00Z"), health: "off" };
  loadVocab();
  const n = opt("n", 500);
  const articles = Array.from({ length: n + 100 }, () => readArticle({ path: "seed.txt", text }));
  let count = 0;
  for (let i = 0; i < 100; i++) count += lintArticle(articles[i], { rules: resolved, settings }).diagnostics.length;
  const times = [];
  for (let i = 100; i < n + 100; i++) {
    const t = performance.now();
    lintArticle(articles[i], { rules: resolved, settings });
    times.push(performance.now() - t);
  }
  rules = { rules: ruleList.length, diagnostics: count / 100, medianMs: median(times), p95Ms: p95(times), n };
}

const result = {
  version,
  vocabLoadMedianMs: median(loads),
  vocabLoadMaxMs: Math.max(...loads),
  nquadsParseMedianMs: median(parses),
  rulesOnSeed: rules,
};
if (args.includes("--json")) console.log(JSON.stringify(result));
else {
  console.log(
    `vocab (${version}): cold load median ${median(loads).toFixed(1)} ms, max ${Math.max(...loads).toFixed(1)} ms over ${loads.length} fresh processes (target < 150 ms); without the precomputed index, parsing schema.nq takes ${median(parses).toFixed(1)} ms`,
  );
  if (rules) {
    console.log(
      `structured-data rules (${rules.rules}) on the seed: median ${rules.medianMs.toFixed(3)} ms, p95 ${rules.p95Ms.toFixed(3)} ms per article, ${rules.diagnostics} diagnostics (target < 2 ms median)`,
    );
  } else console.log("structured-data rules on the seed: skipped (../shared/seeds not found)");
}
