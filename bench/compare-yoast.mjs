#!/usr/bin/env node
// Side by side with yoastseo 3.6.0 (GPL-3.0, a devDependency only: nothing in src/ imports it).
// Runs Yoast's SEO and readability assessors and copydesk (read + all rules + stats + scores)
// on the same drafts and prints each shared figure from both, and the time per article.
//   node bench/compare-yoast.mjs [files…] [--n 5] [--json]
// Without files: the seed (when ../shared is present) and examples/. Reads copydesk from ../dist
// (run `npm run build` first). yoastseo takes ~0.7 s per article, so --n caps the sample (default 5).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const json = args.includes("--json");
const nAt = args.indexOf("--n");
const limit = nAt >= 0 ? Number(args[nAt + 1]) : 5;
const files = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--n");

const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
let copydesk;
try {
  copydesk = {
    ...(await import(dist("read/index.js"))),
    ...(await import(dist("text/analyze.js"))),
    ...(await import(dist("text/stats.js"))),
    ...(await import(dist("text/pixel-width.js"))),
    ...(await import(dist("engine/scores.js"))),
    ...(await import(dist("engine/lint.js"))),
    ...(await import(dist("engine/types.js"))),
    ...(await import(dist("rules/index.js"))),
    ...(await import(dist("write/site.js"))),
  };
} catch (err) {
  console.error(`compare-yoast: cannot load ../dist (${err.message}); run \`npm run build\` first`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const yoast = require("yoastseo");
const EnglishResearcher = require("yoastseo/build/languageProcessing/languages/en/Researcher").default;

function defaultFiles() {
  const out = [];
  const seed = fileURLToPath(new URL("../../shared/seeds/000_8277829d4fbb3e6e.txt", import.meta.url));
  try {
    readFileSync(seed);
    out.push(seed);
  } catch {
    // no ../shared here: examples only
  }
  const examples = fileURLToPath(new URL("../examples/", import.meta.url));
  for (const f of readdirSync(examples).sort()) if (/\.(txt|md|html|json)$/.test(f)) out.push(examples + f);
  return out;
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The article's body as the HTML a WordPress post would hold: headings, paragraphs, lists, FAQ as h3 + p. */
function toHtml(article) {
  const parts = [];
  for (const b of article.blocks) {
    if (b.kind === "heading") parts.push(`<h${Math.max(2, b.level)}>${esc(b.content.text)}</h${Math.max(2, b.level)}>`);
    else if (b.kind === "paragraph" || b.kind === "quote") parts.push(`<p>${esc(b.content.text)}</p>`);
    else if (b.kind === "list") parts.push(`<ul>${b.items.map((i) => `<li>${esc(i.text)}</li>`).join("")}</ul>`);
    else if (b.kind === "image") parts.push(`<p><img src="${esc(b.image.src)}" alt="${esc(b.image.alt ?? "")}"></p>`);
  }
  for (const f of article.faq) parts.push(`<h3>${esc(f.question.text)}</h3>`, `<p>${esc(f.answer.text)}</p>`);
  return parts.join("\n");
}

const rules = copydesk.allRules
  .filter((r) => !copydesk.isCorpusRule(r))
  .map((rule) => ({
    rule,
    severity: rule.meta.severity,
    options: rule.meta.options ? rule.meta.options.parse({}) : {},
  }));
const settings = { now: new Date(), health: "auto" };

function runCopydesk(input) {
  const t = performance.now();
  const article = copydesk.readArticle(input);
  // the text layer the rules built is shared with stats and scores, as `check --format json` does
  const text = copydesk.lintArticle(article, { rules, settings }).text();
  const stats = copydesk.computeStats(article, text);
  const scores = copydesk.computeScores(article, text);
  const ms = performance.now() - t;
  const title = article.meta.title?.text ?? article.title?.text ?? "";
  return { article, stats, scores, titleWidth: copydesk.textWidth(title, 20), ms };
}

function runYoast(article, titleWidth) {
  const t = performance.now();
  const title = article.meta.title?.text ?? article.title?.text ?? "";
  const slug = article.meta.slug?.text ?? copydesk.slugify(article.title?.text ?? title);
  const paper = new yoast.Paper(toHtml(article), {
    keyword: article.meta.focusKeyword?.text ?? "",
    description: article.meta.description?.text ?? "",
    title,
    titleWidth,
    textTitle: article.title?.text ?? "",
    slug,
    locale: "en_US",
    permalink: `https://example.com/${slug}/`,
  });
  const researcher = new EnglishResearcher(paper);
  const seo = new yoast.SeoAssessor(researcher);
  seo.assess(paper);
  const content = new yoast.ContentAssessor(new EnglishResearcher(paper));
  content.assess(paper);
  const ms = performance.now() - t;
  const r = (name) => researcher.getResearch(name);
  const sentences = r("countSentencesFromText");
  const passive = r("getPassiveVoiceResult");
  const transitions = r("findTransitionWords");
  const pct = (a, b) => (b ? Math.round((a / b) * 1000) / 10 : 0);
  const flesch = r("getFleschReadingScore");
  return {
    ms,
    keyphraseCount: r("getKeyphraseCount").count,
    keyphraseDensity: Math.round(r("getKeyphraseDensity").density * 1000) / 1000,
    words: r("wordCountInText").count,
    sentences: sentences.length,
    longSentencePercent: pct(sentences.filter((s) => s.sentenceLength > 20).length, sentences.length),
    longParagraphCount: r("getParagraphLength").filter((p) => p.paragraphLength > 150).length,
    passivePercent: pct(passive.passives.length, passive.total),
    transitionPercent: pct(transitions.transitionWordSentences, transitions.totalSentences),
    fleschReadingEase: typeof flesch === "object" ? flesch.score : flesch,
    seoScore: seo.calculateOverallScore(),
    readabilityScore: content.calculateOverallScore(),
  };
}

const FIGURES = [
  ["keyphraseCount", "keyphrase count"],
  ["keyphraseDensity", "keyphrase density %"],
  ["words", "text length (words)"],
  ["sentences", "sentences"],
  ["longSentencePercent", "sentences > 20 words %"],
  ["longParagraphCount", "paragraphs > 150 words"],
  ["passivePercent", "passive voice %"],
  ["transitionPercent", "transition words %"],
  ["fleschReadingEase", "Flesch reading ease"],
  ["titleWidth", "SEO title width px (20 px Arial)"],
  ["seoScore", "SEO score"],
  ["readabilityScore", "readability score"],
];

const list = (files.length ? files : defaultFiles()).slice(0, limit);
if (list.length === 0) {
  console.error("compare-yoast: no articles to compare");
  process.exit(2);
}
// Warm both up before timing anything. copydesk's JIT tiers up per code path (each input format has its
// own reader) over ~100 runs, so every article is warmed; yoastseo always gets the same kind of HTML paper,
// so its first run (1–1.5 s of lazy loading) warms it for all.
const inputs = list.map((path) => ({ path, text: readFileSync(path, "utf8") }));
const warmed = new Set();
for (const input of inputs) {
  try {
    for (let i = 0; i < 100; i++) runCopydesk(input);
    if (warmed.size === 0) runYoast(copydesk.readArticle(input), 500);
    warmed.add(input);
  } catch (err) {
    console.error(`compare-yoast: skipped ${input.path}: ${err.message}`);
  }
}

/** Median of a few runs: one run is near the timer's resolution, and a mean would be dominated by GC pauses. */
function median(times) {
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

const results = [];
for (const input of inputs) {
  if (!warmed.has(input)) continue;
  const { path } = input;
  const c = runCopydesk(input);
  // collect the other tool's garbage first (run with --expose-gc, as `npm run bench` does), so its GC
  // debt is not charged to the one being timed
  globalThis.gc?.();
  const times = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    runCopydesk(input);
    times.push(performance.now() - t);
  }
  const copydeskMs = median(times);
  // yoastseo takes ~0.5 s per run: the median of 3 on a short list, one run on a long one
  const yoastTimes = [];
  let y;
  for (let i = 0; i < (inputs.length <= 10 ? 3 : 1); i++) {
    globalThis.gc?.();
    y = runYoast(c.article, Math.round(c.titleWidth));
    yoastTimes.push(y.ms);
  }
  y.ms = median(yoastTimes);
  const ours = {
    ...c.stats,
    keyphraseDensity: c.stats.keyphraseDensity,
    titleWidth: Math.round(c.titleWidth * 10) / 10,
    seoScore: c.scores.seo ?? null,
    readabilityScore: c.scores.readability,
  };
  const yoastFigures = { ...y, titleWidth: Math.round(c.titleWidth * 10) / 10 };
  const figures = FIGURES.map(([key, label]) => ({
    key,
    label,
    copydesk: ours[key] ?? null,
    yoast: yoastFigures[key] ?? null,
  }));
  results.push({ path, figures, ms: { copydesk: copydeskMs, yoast: y.ms }, speedup: y.ms / copydeskMs });
}

if (results.length === 0) {
  console.error("compare-yoast: no article could be compared");
  process.exit(1);
}
if (json) {
  console.log(JSON.stringify({ articles: results }, null, 2));
} else {
  for (const r of results) {
    console.log(`\n${r.path}`);
    console.log(`  ${"figure".padEnd(34)} ${"copydesk".padStart(10)} ${"yoastseo".padStart(10)}`);
    for (const f of r.figures) {
      const show = (v) => (v === null ? "—" : String(v)).padStart(10);
      console.log(`  ${f.label.padEnd(34)} ${show(f.copydesk)} ${show(f.yoast)}`);
    }
    console.log(
      `  time per article: copydesk ${r.ms.copydesk.toFixed(2)} ms, yoastseo ${r.ms.yoast.toFixed(0)} ms → ${Math.round(r.speedup)}× faster`,
    );
  }
  const c = results.reduce((s, r) => s + r.ms.copydesk, 0) / results.length;
  const y = results.reduce((s, r) => s + r.ms.yoast, 0) / results.length;
  console.log(
    `\nmean over ${results.length} articles: copydesk ${c.toFixed(2)} ms, yoastseo ${y.toFixed(0)} ms → ${Math.round(y / c)}×`,
  );
}
