import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sourceOffset } from "../src/model/span.js";
import { readArticle } from "../src/read/index.js";
import { articleView } from "../src/read/view.js";

const page = `<!doctype html>
<html lang="en-GB">
<head>
<title>Sourdough Starter Care &amp; Feeding</title>
<meta name="description" content="Keep a sourdough starter alive: feeding ratios, temperatures &amp; storage.">
<link rel="canonical" href="https://example.org/sourdough-starter">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Article", "headline": "Sourdough Starter Care"}</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [],}</script>
</head>
<body>
<nav><p>Skip me</p></nav>
<main><article>
<h1>Sourdough Starter Care</h1>
<p>A starter is flour,   water and
  patience &ndash; nothing more. See <a href="/flour" rel="nofollow">our flour guide</a>.</p>
<h2>Feeding Ratios</h2>
<p>Feed equal weights of flour and water.</p>
<ol><li>Discard half</li><li>Add flour &amp; water</li></ol>
<h3>Warm Kitchens</h3>
<p>Feed twice a day above 25&nbsp;°C.</p>
<img src="/img/starter.jpg" alt="Bubbly starter">
<section id="faq"><h2>Frequently Asked Questions</h2>
<details><summary>Why does my starter smell of acetone?</summary><div><p>It is hungry. Feed it more often.</p></div></details>
<details><summary>Can I freeze a starter?</summary><div><p>Yes, for a few months.</p><p>Thaw it slowly.</p></div></details>
</section>
</article></main>
<footer><p>Footer text</p></footer>
</body></html>`;

describe("html reader", () => {
  const a = readArticle({ path: "starter.html", text: page });

  it("reads head metadata with decoded entities", () => {
    expect(a.format).toBe("html");
    expect(a.meta.title?.text).toBe("Sourdough Starter Care & Feeding");
    expect(a.meta.description?.text).toBe("Keep a sourdough starter alive: feeding ratios, temperatures & storage.");
    const d = a.meta.description!;
    expect(page.slice(d.span.start, d.span.end)).toBe(
      "Keep a sourdough starter alive: feeding ratios, temperatures &amp; storage.",
    );
    expect(a.meta.canonical?.text).toBe("https://example.org/sourdough-starter");
    expect(a.meta.lang?.text).toBe("en-GB");
    expect(a.lang).toBe("en-GB");
  });

  it("takes the h1 as title and reads the article body only (no nav, no footer)", () => {
    expect(a.title?.text).toBe("Sourdough Starter Care");
    expect(a.blocks.map((b) => b.kind)).toEqual([
      "paragraph",
      "heading",
      "paragraph",
      "list",
      "heading",
      "paragraph",
      "image",
    ]);
    const v = articleView(a);
    expect(v.intro).toEqual(["A starter is flour, water and patience \u2013 nothing more. See our flour guide."]);
    expect(v.sections).toEqual([
      {
        heading: "Feeding Ratios",
        level: 2,
        paragraphs: ["Feed equal weights of flour and water."],
        lists: [{ ordered: true, items: ["Discard half", "Add flour & water"] }],
        subsections: [
          {
            heading: "Warm Kitchens",
            level: 3,
            paragraphs: ["Feed twice a day above 25\u00a0°C."],
            lists: [],
            subsections: [],
          },
        ],
      },
    ]);
  });

  it("maps collapsed whitespace and entities back to the source", () => {
    const p = a.blocks[0]!;
    if (p.kind !== "paragraph") throw new Error("expected a paragraph");
    const at = (s: string) => sourceOffset(p.content, p.content.text.indexOf(s));
    expect(page.slice(at("patience"), at("patience") + 8)).toBe("patience");
    expect(page.slice(at("\u2013"), at("\u2013") + 7)).toBe("&ndash;");
    expect(p.links).toEqual([
      {
        href: "/flour",
        text: "our flour guide",
        rel: "nofollow",
        span: { start: page.indexOf('<a href="/flour"'), end: page.indexOf("</a>") + 4 },
      },
    ]);
  });

  it("reads details/summary as the FAQ, and every ld+json script", () => {
    expect(a.faq.map((f) => [f.question.text, f.answer.text])).toEqual([
      ["Why does my starter smell of acetone?", "It is hungry. Feed it more often."],
      ["Can I freeze a starter?", "Yes, for a few months.\nThaw it slowly."],
    ]);
    expect(page.slice(a.faqSpan!.start, a.faqSpan!.start + 21)).toBe('<section id="faq"><h2');
    expect(a.jsonld.map((j) => [j.origin, j.repair])).toEqual([
      ["script", "strict"],
      ["script", "prepass+jsonrepair"],
    ]);
    expect(a.images?.map((i) => [i.src, i.alt])).toEqual([["/img/starter.jpg", "Bubbly starter"]]);
  });

  it("reads an FAQ h2 followed by h3 questions and paragraph answers", () => {
    const b = readArticle({
      path: "x.html",
      text: "<main><h1>T</h1><p>Intro.</p><h2>FAQ</h2><h3>Is rye better?</h3><p>It ferments faster.</p><h3>Which water?</h3><p>Tap water is fine.</p><h2>Next Steps</h2><p>Bake.</p></main>",
    });
    expect(b.faq.map((f) => [f.question.text, f.answer.text])).toEqual([
      ["Is rye better?", "It ferments faster."],
      ["Which water?", "Tap water is fine."],
    ]);
    expect(articleView(b).sections.map((s) => s.heading)).toEqual(["Next Steps"]);
  });

  it("reads the budgeting example", () => {
    const text = readFileSync(new URL("../examples/budgeting-irregular-income.html", import.meta.url), "utf8");
    const v = articleView(readArticle({ path: "budget.html", text }));
    expect(v.sections).toHaveLength(5);
    expect(v.faq).toHaveLength(3);
    expect(v.faq[1]!.question).toBe("What if a month\u2019s income does not cover my baseline?");
    expect(v.meta.author).toBe("Priya Natarajan");
    expect(v.sections[1]!.lists[0]!.items).toHaveLength(3);
  });
});

describe("html reader on the build's own pages", () => {
  it("reads back what renderPage publishes: title, sections, FAQ and the JSON-LD graph", async () => {
    const { buildGraph } = await import("../src/write/graph.js");
    const { renderPage } = await import("../src/write/page.js");
    for (const name of ["coffee-roasting.txt", "knee-pain-after-running.md", "budgeting-irregular-income.html"]) {
      const text = readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");
      const article = readArticle({ path: name, text });
      const { graph, facts } = buildGraph(article, { site: {}, pagePath: "page/", health: false });
      const html = renderPage(article, facts, graph, { rootHref: "../" });
      const back = readArticle({ path: "page.html", text: html });
      const before = articleView(article);
      const after = articleView(back);
      expect(after.title).toBe(before.title);
      expect(after.intro).toEqual(before.intro);
      expect(after.sections).toEqual(before.sections);
      expect(after.faq).toEqual(before.faq);
      expect(back.jsonld.length).toBeGreaterThanOrEqual(1);
      expect(back.jsonld.every((j) => j.repair === "strict")).toBe(true);
    }
  });
});
