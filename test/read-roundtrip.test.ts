import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article, Block, Meta } from "../src/model/article.js";
import { readArticle } from "../src/read/index.js";
import { type ArticleView, articleView, META_KEYS } from "../src/read/view.js";
import { writeBundle } from "../src/write/bundle.js";
import { writeMarkdown } from "../src/write/markdown.js";

/** Words a writer might use, including characters each format must escape or decode. */
const PLAIN = [
  "coffee",
  "roast",
  "beans",
  "water",
  "light",
  "pot",
  "soil",
  "budget",
  "knee",
  "run",
  "it’s",
  "café",
  "naïve",
  "“quoted”",
  "50%",
  "e.g.",
  "2026",
  "—",
  "(note)",
  "a/b",
  "$12",
];
const MARKUP = [
  "x*y",
  "snake_case",
  "`code`",
  "[link]",
  "<tag>",
  "a&b",
  "&amp;",
  "C#",
  "1.",
  "-dash",
  "+plus",
  "#tag",
  "back\\slash",
  "a|b",
  "wow!",
  "~tilde",
];

const word = (vocab: string[]) => fc.constantFrom(...vocab);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const phrase = (vocab: string[], min: number, max: number) =>
  fc.array(word(vocab), { minLength: min, maxLength: max }).map((ws) => ws.join(" "));
/** Headings: capitalised, no terminal punctuation, start with a letter. */
const heading = (vocab: string[]) =>
  fc
    .tuple(word(["Roasting", "Watering", "Saving", "Running", "Feeding"]), phrase(vocab, 1, 5))
    .map(([a, b]) => `${a} ${b}`.replace(/[.,;:!?…%]+$/, "") + " guide");
const sentence = (vocab: string[]) =>
  fc.tuple(word(["The", "Most", "Every", "Some"]), phrase(vocab, 3, 14)).map(([a, b]) => `${a} ${b}.`);
const question = (vocab: string[]) =>
  fc.tuple(word(["How", "Why", "Can", "Should"]), phrase(vocab, 2, 8)).map(([a, b]) => `${a} ${b}?`);

interface Spec {
  title: string;
  meta: Partial<Record<keyof Meta, string>>;
  intro: string[];
  sections: Array<{
    heading: string;
    paragraphs: string[];
    list?: string[];
    sub?: { heading: string; paragraphs: string[] };
  }>;
  faq: Array<{ question: string; answer: string }>;
  jsonld: unknown[];
}

const specOf = (vocab: string[]) =>
  fc.record({
    title: heading(vocab).map(cap),
    meta: fc.record(
      {
        title: heading(vocab),
        description: sentence(vocab),
        focusKeyword: phrase(PLAIN, 1, 3),
        datePublished: fc.constantFrom("2026-01-02", "2025-12-31"),
        author: fc.constantFrom("Ana Ruiz", "Tom O’Neill"),
        lang: fc.constantFrom("en", "en-GB"),
        canonical: fc.constantFrom("https://example.org/a", "https://example.org/b?x=1&y=2"),
      },
      { requiredKeys: [] },
    ),
    intro: fc.array(sentence(vocab), { minLength: 0, maxLength: 2 }),
    sections: fc.array(
      fc.record(
        {
          heading: heading(vocab),
          paragraphs: fc.array(sentence(vocab), { minLength: 1, maxLength: 3 }),
          list: fc.array(
            phrase(vocab, 1, 4).map((s) => `Item ${s}`),
            { minLength: 1, maxLength: 3 },
          ),
          sub: fc.record({
            heading: heading(vocab),
            paragraphs: fc.array(sentence(vocab), { minLength: 1, maxLength: 2 }),
          }),
        },
        { requiredKeys: ["heading", "paragraphs"] },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    faq: fc.array(fc.record({ question: question(vocab), answer: sentence(vocab) }), { minLength: 0, maxLength: 3 }),
    jsonld: fc.array(
      fc.record({
        "@context": fc.constant("https://schema.org"),
        "@type": fc.constantFrom("Article", "FAQPage"),
        name: sentence(vocab),
        n: fc.integer({ min: -5, max: 500 }),
      }),
      { maxLength: 2 },
    ),
  }) as fc.Arbitrary<Spec>;

/** Builds a model from the spec (spans are irrelevant to writers). */
function modelOf(spec: Spec): Article {
  const z = { start: 0, end: 0 };
  const t = (text: string) => ({ text, span: z });
  const blocks: Block[] = spec.intro.map((p) => ({ kind: "paragraph", content: t(p), span: z }));
  for (const s of spec.sections) {
    blocks.push({ kind: "heading", level: 2, content: t(s.heading), span: z });
    for (const p of s.paragraphs) blocks.push({ kind: "paragraph", content: t(p), span: z });
    if (s.list) blocks.push({ kind: "list", ordered: false, items: s.list.map(t), span: z });
    if (s.sub) {
      blocks.push({ kind: "heading", level: 3, content: t(s.sub.heading), span: z });
      for (const p of s.sub.paragraphs) blocks.push({ kind: "paragraph", content: t(p), span: z });
    }
  }
  const meta: Meta = {};
  for (const [k, v] of Object.entries(spec.meta)) if (v !== undefined) meta[k as keyof Meta] = t(v);
  return {
    source: { path: "gen", text: "", format: "bundle" },
    format: "bundle",
    title: t(spec.title),
    meta,
    blocks,
    faq: spec.faq.map((f) => ({ question: t(f.question), answer: t(f.answer), span: z })),
    jsonld: spec.jsonld.map((value) => ({
      span: z,
      origin: "leading",
      value,
      repair: "strict",
      pointers: {},
      notes: [],
    })),
    readNotes: [],
  };
}

/** The content a round trip must keep: everything but provenance (format, repairs, notes). */
function content(v: ArticleView, keys: readonly string[] = META_KEYS) {
  const meta = Object.fromEntries(keys.map((k) => [k, v.meta[k as keyof ArticleView["meta"]]]));
  return { title: v.title, meta, intro: v.intro, sections: v.sections, faq: v.faq, structuredData: v.structuredData };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A test-local page writer in the layout the build writes (`<main><article>`, FAQ in `<section id="faq">`). */
function writeHtml(a: Article): string {
  const m = a.meta;
  const tag = (name: string, v: string | undefined) => (v ? `<meta name="${name}" content="${esc(v)}">\n` : "");
  const v = articleView(a);
  let body = `<h1>${esc(v.title)}</h1>\n${v.intro.map((p) => `<p>${esc(p)}</p>\n`).join("")}`;
  const section = (s: ArticleView["sections"][number]): string =>
    `<h${s.level}>${esc(s.heading)}</h${s.level}>\n${s.paragraphs.map((p) => `<p>${esc(p)}</p>\n`).join("")}${s.lists.map((l) => `<ul>${l.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>\n`).join("")}${s.subsections.map(section).join("")}`;
  body += v.sections.map(section).join("");
  if (v.faq.length)
    body += `<section id="faq"><h2>Frequently asked questions</h2>\n${v.faq.map((f) => `<details><summary>${esc(f.question)}</summary><div><p>${esc(f.answer)}</p></div></details>\n`).join("")}</section>\n`;
  const scripts = a.jsonld
    .map((b) => `<script type="application/ld+json">${JSON.stringify(b.value).replace(/</g, "\\u003c")}</script>\n`)
    .join("");
  return `<!doctype html>\n<html${m.lang ? ` lang="${esc(m.lang.text)}"` : ""}>\n<head>\n${m.title ? `<title>${esc(m.title.text)}</title>\n` : ""}${tag("description", m.description?.text)}${tag("keywords", m.focusKeyword?.text)}${tag("author", m.author?.text)}${m.datePublished ? `<meta property="article:published_time" content="${esc(m.datePublished.text)}">\n` : ""}${m.canonical ? `<link rel="canonical" href="${esc(m.canonical.text)}">\n` : ""}${scripts}</head>\n<body>\n<main><article>\n${body}</article></main>\n</body>\n</html>\n`;
}

const RUNS = { numRuns: 60 };

describe("round trip: write an article, read it back, get the same content", () => {
  it("markdown (front matter + mdast), markup characters included", () => {
    fc.assert(
      fc.property(specOf([...PLAIN, ...MARKUP]), (spec) => {
        const model = modelOf(spec);
        const text = writeMarkdown(model);
        const back = readArticle({ path: "gen.md", text });
        expect(back.format).toBe("markdown");
        expect(content(articleView(back))).toEqual(content(articleView(model)));
      }),
      RUNS,
    );
  });

  it("bundle (hash headings, Q:/A: FAQ, leading JSON-LD, marker block)", () => {
    fc.assert(
      fc.property(specOf(PLAIN), (spec) => {
        const model = modelOf(spec);
        const text = writeBundle(model);
        const back = readArticle({ path: "gen.txt", text });
        expect(back.format).toBe("bundle");
        expect(content(articleView(back))).toEqual(content(articleView(model)));
        expect(back.readNotes).toEqual([]);
      }),
      RUNS,
    );
  });

  it("bundle with bare-line headings (the layout models produce; h3 cannot be told from h2, so none are generated)", () => {
    fc.assert(
      fc.property(specOf(PLAIN), (spec) => {
        for (const sec of spec.sections) delete sec.sub;
        const model = modelOf(spec);
        const back = readArticle({ path: "gen.txt", text: writeBundle(model, { headings: "plain" }) });
        expect(content(articleView(back))).toEqual(content(articleView(model)));
      }),
      RUNS,
    );
  });

  it("html (page layout with details/summary FAQ and ld+json scripts)", () => {
    const keys = ["title", "description", "focusKeyword", "canonical", "lang", "datePublished", "author"];
    fc.assert(
      fc.property(specOf([...PLAIN, ...MARKUP]), (spec) => {
        const model = modelOf(spec);
        const back = readArticle({ path: "gen.html", text: writeHtml(model) });
        expect(back.format).toBe("html");
        expect(content(articleView(back), keys)).toEqual(content(articleView(model), keys));
      }),
      RUNS,
    );
  });

  it("json model (inspect output) reads back to the same JSON", () => {
    fc.assert(
      fc.property(specOf([...PLAIN, ...MARKUP]), (spec) => {
        const once = `${JSON.stringify(articleView(modelOf(spec)), null, 2)}\n`;
        const twice = `${JSON.stringify(articleView(readArticle({ path: "m.json", text: once })), null, 2)}\n`;
        expect(twice).toBe(once);
      }),
      RUNS,
    );
  });
});
