#!/usr/bin/env node
// Deterministic (seeded) generator of varied article drafts in all four input formats,
// with the faults real drafts have. Used by `npm run bench` and by tests.
//   node bench/corpus/generate.mjs --n 1000 --seed 42 --out <dir> [--words 1700]
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { advice, connectors, openers, stockPhrases, tails, topics, unsourced } from "./words.mjs";

/** mulberry32: small, fast, good enough for reproducible variety. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const FORMATS = ["bundle", "bundle-md", "markdown", "html"];
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const words = (s) => s.split(/\s+/).filter(Boolean).length;

function sentence(r, t, faults, long) {
  const opener = r.chance(0.35) ? r.pick(openers) : "";
  const subject = r.pick(t.subject);
  const parts = [opener, opener ? subject : cap(subject), r.pick(t.verbs), r.pick(t.objects)];
  if (long || r.chance(0.45))
    parts.push(`${r.pick(connectors)} ${r.pick(t.subject)} ${r.pick(t.verbs)} ${r.pick(t.objects)}`);
  if (long) parts.push(`, ${r.pick(tails)}`);
  let s = parts.filter(Boolean).join(" ").replace(" ,", ",");
  if (faults.yearFiller && r.chance(0.2)) s = `In 2026, ${s.charAt(0).toLowerCase()}${s.slice(1)}`;
  if (faults.unsourced && r.chance(0.08)) s = `${r.pick(unsourced)} ${s.charAt(0).toLowerCase()}${s.slice(1)}`;
  if (faults.stock && r.chance(0.05)) s = `${r.pick(stockPhrases)} ${s.charAt(0).toLowerCase()}${s.slice(1)}`;
  if (faults.stuffing && r.chance(0.15)) s = `${s}, and ${t.keyword} matters here`;
  if (r.chance(0.04)) s = s.replace(" the ", " the “everyday” ");
  return `${s}.`;
}

function paragraph(r, t, faults) {
  const n = r.int(3, 7);
  const out = [];
  for (let i = 0; i < n; i++) out.push(sentence(r, t, faults, faults.longSentences && r.chance(0.5)));
  return out.join(" ");
}

/** One abstract article: the same content is then written in one of four formats. */
export function makeArticle(seed, index, targetWords = 1700) {
  const r = rng(seed * 100003 + index);
  const t = topics[index % topics.length];
  const faults = {
    emptyDate: r.chance(0.3),
    headlineConflict: r.chance(0.3),
    faqMismatch: r.chance(0.2),
    yearFiller: r.chance(0.3),
    unsourced: t.health && r.chance(0.6),
    stuffing: r.chance(0.3),
    stock: r.chance(0.3),
    longSentences: r.chance(0.3),
  };
  const variant = index + 1;
  const title = `${cap(t.keyword)}: A Practical Guide, Part ${variant}`;
  const intro = paragraph(r, t, faults);
  const sections = [];
  let total = words(intro);
  const budget = Math.max(800, Math.min(2500, targetWords + r.int(-300, 300)));
  const headings = [...t.headings].sort(() => r.next() - 0.5);
  for (let h = 0; total < budget - 150 && h < headings.length; h++) {
    const paras = [];
    const np = r.int(1, 3);
    for (let p = 0; p < np && total < budget - 150; p++) {
      const text = paragraph(r, t, faults);
      total += words(text);
      paras.push(text);
    }
    const heading = faults.stuffing && h % 2 === 0 ? `${headings[h]} and ${cap(t.keyword)}` : headings[h];
    sections.push({ heading, paragraphs: paras });
  }
  const closing = `${paragraph(r, t, faults)}${t.health ? ` ${r.pick(advice)}` : ""}`;
  sections.push({ heading: `Conclusion: ${cap(t.keyword)} in Short`, paragraphs: [closing] });
  const faq = [...t.questions]
    .sort(() => r.next() - 0.5)
    .slice(0, r.int(3, 5))
    .map((q) => ({ question: q, answer: paragraph(r, t, faults) }));
  const description = `A clear guide to ${t.keyword}: what changes the result, common mistakes and simple steps you can take this week at home.`;
  return {
    index,
    topic: t,
    faults,
    title,
    metaTitle: `${cap(t.keyword)} Guide: Steps That Work (Part ${variant})`,
    description,
    keyword: t.keyword,
    slug: `${t.keyword.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}-${variant}`,
    date: `2026-0${1 + (index % 9)}-1${index % 10}`,
    author: r.pick(["Dana Whitfield", "Sam Okafor", "Lee Moreno", "Priya Raman"]),
    intro,
    sections,
    faq,
  };
}

// ---- JSON-LD in the shapes drafts carry -------------------------------------------------

function articleNode(a, headline) {
  return {
    "@context": "https://schema.org",
    "@type": "Article",
    headline,
    datePublished: a.faults.emptyDate ? "" : a.date,
    author: { "@type": "Person", name: a.faults.emptyDate ? "" : a.author },
  };
}

function faqNode(a) {
  const items = a.faq.map((f, i) => ({
    "@type": "Question",
    name: a.faults.faqMismatch && i === 0 ? `${f.question.slice(0, -1)} at all?` : f.question,
    acceptedAnswer: { "@type": "Answer", text: f.answer },
  }));
  return { "@context": "https://schema.org", "@type": "FAQPage", mainEntity: items };
}

function wrapper(a) {
  const headline = a.faults.headlineConflict ? a.metaTitle : a.title;
  return {
    meta_title: a.metaTitle,
    meta_description: a.description,
    focus_keyword: a.keyword,
    article_schema: { ...articleNode(a, headline), datePublished: a.date, description: a.description },
    faq_schema: faqNode(a),
  };
}

/** JSON with typographic quotes as delimiters, as language models often write it. */
function curly(value, indent) {
  let open = true;
  return JSON.stringify(value, null, indent).replace(/"/g, () => {
    const q = open ? "“" : "”";
    open = !open;
    return q;
  });
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// ---- the four formats -------------------------------------------------------------------

function bundle(a) {
  const body = [a.title, a.intro];
  for (const s of a.sections) body.push(s.heading, ...s.paragraphs);
  for (const f of a.faq) body.push(f.question, f.answer);
  const lead = `${curly(articleNode(a, a.title), 1)}${curly(faqNode(a), 1)}`;
  return `${lead}\n${body.join("\n")}\n===SCHEMA_JSON_START===\n${curly(wrapper(a), 1)}\n===SCHEMA_JSON_END===\n`;
}

function bundleMd(a) {
  const out = [`# ${a.title}`, "", a.intro, ""];
  for (const s of a.sections) out.push(`## ${s.heading}`, "", ...s.paragraphs.flatMap((p) => [p, ""]));
  out.push("## Frequently Asked Questions", "");
  for (const f of a.faq) out.push(`**Q: ${f.question}**`, `A: ${f.answer}`, "");
  out.push("```json", JSON.stringify(wrapper(a), null, 2), "```", "");
  return out.join("\n");
}

function markdown(a) {
  const fm = [
    "---",
    `title: ${JSON.stringify(a.title)}`,
    `description: ${JSON.stringify(a.description)}`,
    `keyword: ${JSON.stringify(a.keyword)}`,
    `slug: ${a.slug}`,
    `date: ${a.date}`,
    `author: ${JSON.stringify(a.author)}`,
    "lang: en",
    "---",
    "",
    a.intro,
    "",
  ];
  for (const s of a.sections) fm.push(`## ${s.heading}`, "", ...s.paragraphs.flatMap((p) => [p, ""]));
  fm.push("## Frequently Asked Questions", "");
  for (const f of a.faq) fm.push(`### ${f.question}`, "", f.answer, "");
  return fm.join("\n");
}

function html(a) {
  const ld = JSON.stringify({
    "@context": "https://schema.org",
    "@graph": [articleNode(a, a.title), faqNode(a)],
  }).replace(/</g, "\\u003c");
  const secs = a.sections
    .map((s) => `<h2>${esc(s.heading)}</h2>\n${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}`)
    .join("\n");
  const faq = a.faq
    .map((f) => `<details><summary>${esc(f.question)}</summary><div><p>${esc(f.answer)}</p></div></details>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${esc(a.metaTitle)}</title>
<meta name="description" content="${esc(a.description)}">
<link rel="canonical" href="https://example.com/${a.slug}/">
<script type="application/ld+json">${ld}</script>
</head>
<body>
<main><article>
<h1>${esc(a.title)}</h1>
<p>${esc(a.intro)}</p>
${secs}
<section id="faq"><h2>Frequently asked questions</h2>
${faq}
</section>
</article></main>
</body>
</html>
`;
}

const WRITERS = {
  bundle: [bundle, "txt"],
  "bundle-md": [bundleMd, "md"],
  markdown: [markdown, "md"],
  html: [html, "html"],
};

/** The file name and text of article `index`; the format rotates so every format is covered evenly. */
export function renderArticle(seed, index, targetWords) {
  const a = makeArticle(seed, index, targetWords);
  const format = FORMATS[index % FORMATS.length];
  const [write, ext] = WRITERS[format];
  return { name: `${String(index).padStart(6, "0")}-${format}.${ext}`, format, text: write(a), article: a };
}

export function generateCorpus({ n, seed, out, words: targetWords = 1700 }) {
  mkdirSync(out, { recursive: true });
  const files = [];
  for (let i = 0; i < n; i++) {
    const { name, text } = renderArticle(seed, i, targetWords);
    const path = join(out, name);
    writeFileSync(path, text);
    files.push(path);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const out = opt("out");
  if (!out) {
    process.stderr.write("usage: node bench/corpus/generate.mjs --n 1000 --seed 42 --out <dir> [--words 1700]\n");
    process.exitCode = 2;
  } else {
    const files = generateCorpus({
      n: Number(opt("n", 1000)),
      seed: Number(opt("seed", 42)),
      out,
      words: Number(opt("words", 1700)),
    });
    process.stdout.write(`wrote ${files.length} drafts to ${out}\n`);
  }
}
