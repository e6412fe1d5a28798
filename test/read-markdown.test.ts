import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sourceOffset } from "../src/model/span.js";
import { readArticle } from "../src/read/index.js";
import { articleView } from "../src/read/view.js";

const md = [
  "---",
  'title: "Repotting a Monstera"',
  "description: When and how to move a monstera into a bigger pot.",
  "focusKeyword: repotting a monstera",
  "date: 2026-05-01",
  "author:",
  "  name: Lena Brandt",
  "faq:",
  "  - question: Can I repot in winter?",
  "    answer: Only if the roots are rotting.",
  "---",
  "",
  "Monsteras grow **fast**, and their roots soon fill a pot &amp; circle the base.",
  "",
  "## Signs It Needs a New Pot",
  "",
  'Roots poke out of the [drainage hole](https://example.org/drainage "Drainage").',
  "",
  "- water runs straight through",
  "- the plant tips over",
  "",
  "### Timing",
  "",
  "Spring is best.",
  "",
  "![Monstera roots](/img/roots.jpg)",
  "",
  "## FAQ",
  "",
  "### How big should the new pot be?",
  "",
  "About five centimetres wider than the old one.",
  "",
  "**Should I prune the roots?**",
  "",
  "Only trim dead or mushy roots.",
  "",
  "```json",
  '{"@context": "https://schema.org", "@type": "HowTo", "name": "Repot a monstera"}',
  "```",
].join("\n");

describe("markdown reader", () => {
  const a = readArticle({ path: "monstera.md", text: md });

  it("reads front matter into title and meta with spans inside the quotes", () => {
    expect(a.format).toBe("markdown");
    expect(a.title?.text).toBe("Repotting a Monstera");
    expect(md.slice(a.title!.span.start, a.title!.span.end)).toBe("Repotting a Monstera");
    expect(a.meta.description?.text).toBe("When and how to move a monstera into a bigger pot.");
    expect(a.meta.focusKeyword?.text).toBe("repotting a monstera");
    expect(a.meta.datePublished?.text).toBe("2026-05-01");
    expect(a.meta.author?.text).toBe("Lena Brandt");
    expect(md.slice(a.meta.author!.span.start, a.meta.author!.span.end)).toBe("Lena Brandt");
  });

  it("strips inline markup and decodes entities, mapping back to the source", () => {
    const p = a.blocks[0]!;
    expect(p.kind).toBe("paragraph");
    if (p.kind !== "paragraph") return;
    expect(p.content.text).toBe("Monsteras grow fast, and their roots soon fill a pot & circle the base.");
    const amp = p.content.text.indexOf("&");
    expect(md.slice(sourceOffset(p.content, amp), sourceOffset(p.content, amp) + 5)).toBe("&amp;");
    const circle = p.content.text.indexOf("circle");
    expect(md.slice(sourceOffset(p.content, circle), sourceOffset(p.content, circle) + 6)).toBe("circle");
  });

  it("reads headings, lists, links and images", () => {
    expect(a.blocks.map((b) => b.kind).join(" ")).toBe("paragraph heading paragraph list heading paragraph image");
    expect(a.links).toEqual([
      {
        href: "https://example.org/drainage",
        text: "drainage hole",
        span: { start: md.indexOf("[drainage"), end: md.indexOf(")", md.indexOf("[drainage")) + 1 },
      },
    ]);
    expect(a.images?.map((i) => [i.src, i.alt])).toEqual([["/img/roots.jpg", "Monstera roots"]]);
    const list = a.blocks[3]!;
    expect(list.kind === "list" && list.items.map((i) => i.text)).toEqual([
      "water runs straight through",
      "the plant tips over",
    ]);
  });

  it("reads the FAQ section with h3 and bold questions, and keeps it out of the sections", () => {
    expect(a.faq.map((f) => [f.question.text, f.answer.text])).toEqual([
      ["How big should the new pot be?", "About five centimetres wider than the old one."],
      ["Should I prune the roots?", "Only trim dead or mushy roots."],
    ]);
    const v = articleView(a);
    expect(v.sections.map((s) => [s.heading, s.subsections.map((x) => x.heading)])).toEqual([
      ["Signs It Needs a New Pot", ["Timing"]],
    ]);
    expect(md.slice(a.faqSpan!.start, a.faqSpan!.start + 6)).toBe("## FAQ");
  });

  it("reads ```json blocks as JSON-LD", () => {
    expect(a.jsonld.map((j) => [j.origin, j.repair, (j.value as { "@type": string })["@type"]])).toEqual([
      ["fenced", "strict", "HowTo"],
    ]);
  });

  it("falls back to the front-matter FAQ when the body has none, and takes a leading h1 as the title", () => {
    const b = readArticle({
      path: "x.md",
      text: "---\ntitle: Front\nfaq:\n  - q: Why?\n    a: Because.\n---\n# Visible Title\n\nBody text.",
    });
    expect(b.title?.text).toBe("Visible Title");
    expect(b.meta.title?.text).toBe("Front");
    expect(b.faq.map((f) => [f.question.text, f.answer.text])).toEqual([["Why?", "Because."]]);
  });

  it("notes broken front matter instead of throwing", () => {
    const b = readArticle({ path: "x.md", text: "---\ntitle: [unclosed\n---\nBody." });
    expect(b.readNotes.map((n) => n.id)).toContain("read/front-matter");
  });

  it("handles a BOM and CRLF", () => {
    const t = "\uFEFF---\r\ntitle: Crlf Title\r\n---\r\n\r\n## Part\r\n\r\nText here.\r\n";
    const b = readArticle({ path: "x.md", text: t });
    expect(b.title?.text).toBe("Crlf Title");
    expect(t.slice(b.title!.span.start, b.title!.span.end)).toBe("Crlf Title");
    const para = b.blocks[1]!;
    expect(para.kind === "paragraph" && t.slice(para.span.start, para.span.end)).toBe("Text here.");
  });

  it("reads the health example with reviewer, dates and FAQ", () => {
    const text = readFileSync(new URL("../examples/knee-pain-after-running.md", import.meta.url), "utf8");
    const v = articleView(readArticle({ path: "knee.md", text }));
    expect(v.meta.reviewer).toBe("Dr. Hannah Lindqvist, sports physiotherapist");
    expect(v.meta.lastReviewed).toBe("2026-03-01");
    expect(v.faq).toHaveLength(4);
    expect(v.sections.map((s) => s.heading)).toEqual([
      "The Most Common Causes",
      "What You Can Do at Home",
      "Returning to Running Safely",
      "When to See a Doctor or Physiotherapist",
      "Sources",
    ]);
  });
});
