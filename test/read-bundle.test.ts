import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Article } from "../src/model/article.js";
import { readArticle } from "../src/read/index.js";

const L = "\u201c";
const R = "\u201d";
/** Writes JSON with typographic quotes the way language models do. */
const curly = (json: string) =>
  json.replace(/"/g, (_m, i: number, all: string) => (all.slice(0, i).split('"').length % 2 ? L : R));

const read = (text: string, path = "draft.txt") => readArticle({ path, text }, { from: "bundle" });
const headings = (a: Article) =>
  a.blocks
    .filter((b) => b.kind === "heading")
    .map((b) => (b.kind === "heading" ? `h${b.level} ${b.content.text}` : ""));
const paragraphs = (a: Article) => a.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.content.text] : []));

const P1 = "Roasting coffee at home starts with green beans, a heat source and a little patience.";
const P2 = "Most home roasters use a popcorn machine or a heavy pan, stirring constantly for even colour.";
const P3 = "Let the beans rest for a day before brewing, because fresh roasts release a lot of gas.";
const P4 = "Store roasted coffee in an opaque container away from heat and use it within two weeks.";

const plainBundle = [
  curly('{"@context": "https://schema.org", "@type": "Article", "headline": "Roasting Coffee at Home"}') +
    curly(
      '{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "How long does a roast take?", "acceptedAnswer": {"@type": "Answer", "text": "About ten to fifteen minutes."}}]}',
    ),
  "Roasting Coffee at Home",
  P1,
  "Choosing Your Equipment",
  P2,
  "Resting and Storing the Beans",
  P3,
  P4,
  "How long does a roast take?",
  "About ten to fifteen minutes in a pan, less in a hot-air popper.",
  "Do I need a special roaster?",
  "No. A popcorn machine or a cast-iron pan is enough to start.",
].join("\n");

describe("bundle reader: the plain-line layout", () => {
  const a = read(plainBundle);

  it("takes the first line after the JSON as the title", () => {
    expect(a.title?.text).toBe("Roasting Coffee at Home");
    expect(plainBundle.slice(a.title!.span.start, a.title!.span.end)).toBe("Roasting Coffee at Home");
  });

  it("reads short unpunctuated lines followed by prose as h2 headings", () => {
    expect(headings(a)).toEqual(["h2 Choosing Your Equipment", "h2 Resting and Storing the Beans"]);
  });

  it("keeps every paragraph byte-identical to its source line", () => {
    expect(paragraphs(a)).toEqual([P1, P2, P3, P4]);
    for (const b of a.blocks) {
      if (b.kind !== "paragraph") continue;
      expect(b.content.map).toBeUndefined();
      expect(plainBundle.slice(b.content.span.start, b.content.span.end)).toBe(b.content.text);
    }
  });

  it("reads trailing question/answer lines as the FAQ, not as sections", () => {
    expect(a.faq.map((f) => [f.question.text, f.answer.text])).toEqual([
      ["How long does a roast take?", "About ten to fifteen minutes in a pan, less in a hot-air popper."],
      ["Do I need a special roaster?", "No. A popcorn machine or a cast-iron pan is enough to start."],
    ]);
    expect(plainBundle.slice(a.faqSpan!.start, a.faqSpan!.end).startsWith("How long does a roast take?")).toBe(true);
    expect(a.faqSpan!.end).toBe(plainBundle.length);
  });

  it("splits the glued leading objects", () => {
    expect(a.jsonld.map((j) => [j.origin, j.repair, (j.value as { "@type": string })["@type"]])).toEqual([
      ["leading", "prepass", "Article"],
      ["leading", "prepass", "FAQPage"],
    ]);
  });
});

const markerBlock = (start = "===SCHEMA_JSON_START===", end: string | null = "===SCHEMA_JSON_END===") =>
  [
    start,
    curly(`{
"meta_title": "Home Coffee Roasting: A Beginner's Guide",
"meta_description": "Learn to roast coffee at home with a pan or popper.",
"focus_keyword": "home coffee roasting",
"article_schema": {"@context": "https://schema.org", "@type": "Article", "headline": "Roast Coffee at Home"},
"faq_schema": {"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": []}
}`),
    ...(end ? [end] : []),
  ].join("\n");

describe("bundle reader: the schema block", () => {
  const text = ["Roasting Coffee at Home", P1, "Choosing Your Equipment", P2, markerBlock()].join("\n");
  const a = read(text);

  it("fills meta from the block, with spans inside the quotes", () => {
    expect(a.meta.title?.text).toBe("Home Coffee Roasting: A Beginner's Guide");
    expect(a.meta.description?.text).toBe("Learn to roast coffee at home with a pan or popper.");
    expect(a.meta.focusKeyword?.text).toBe("home coffee roasting");
    const fk = a.meta.focusKeyword!;
    expect(text.slice(fk.span.start, fk.span.end)).toBe("home coffee roasting");
    expect(text[fk.span.start - 1]).toBe(L);
  });

  it("turns article_schema and faq_schema into their own blocks with re-rooted pointers", () => {
    expect(a.jsonld.map((j) => [j.origin, (j.value as { "@type": string })["@type"]])).toEqual([
      ["marker-block", "Article"],
      ["marker-block", "FAQPage"],
    ]);
    const art = a.jsonld[0]!;
    const h = art.pointers["/headline"]!;
    expect(text.slice(h.start, h.end)).toBe(`${L}Roast Coffee at Home${R}`);
    expect(text.slice(art.span.start, art.span.end).startsWith(`{${L}@context`)).toBe(true);
  });

  it("keeps the block out of the body", () => {
    expect(paragraphs(a)).toEqual([P1, P2]);
    expect(a.readNotes).toEqual([]);
  });

  it("accepts the single ===SCHEMA_JSON=== marker", () => {
    const b = read(["Roasting Coffee at Home", P1, markerBlock("===SCHEMA_JSON===", null)].join("\n"));
    expect(b.meta.focusKeyword?.text).toBe("home coffee roasting");
    expect(b.jsonld).toHaveLength(2);
    expect(b.readNotes).toEqual([]);
  });

  it("reads to the closing bracket when the END marker is missing, and notes it", () => {
    const t = ["Roasting Coffee at Home", P1, markerBlock("===SCHEMA_JSON_START===", null)].join("\n");
    const b = read(t);
    expect(b.jsonld).toHaveLength(2);
    expect(b.readNotes.map((n) => n.id)).toEqual(["read/missing-end-marker"]);
    expect(t.slice(b.readNotes[0]!.span.start, b.readNotes[0]!.span.end)).toBe("===SCHEMA_JSON_START===");
  });

  it("uses configured marker names", () => {
    const t = ["Roasting Coffee at Home", P1, markerBlock("<<<META>>>", "<<</META>>>")].join("\n");
    const b = readArticle(
      { path: "x.txt", text: t },
      { from: "bundle", markers: { start: "<<<META>>>", end: "<<</META>>>" } },
    );
    expect(b.meta.title?.text).toBe("Home Coffee Roasting: A Beginner's Guide");
    expect(paragraphs(b)).toEqual([P1]);
  });
});

describe("bundle reader: Markdown-flavoured variants", () => {
  const fenced = [
    "# Caring for a Fiddle-Leaf Fig",
    "",
    "Fiddle-leaf figs are sensitive to change, so a stable spot matters more than anything else.",
    "",
    "## Light",
    "",
    "Give the plant bright, indirect light near an east-facing window.",
    "- rotate it a quarter turn each month",
    "- wipe the leaves so they can breathe",
    "",
    "## Frequently Asked Questions",
    "",
    "**Q: Why are the leaves dropping?**",
    "A: Usually a draught, a move, or overwatering.",
    "**Q: How often should I water?**",
    "A: When the top five centimetres of soil are dry.",
    "",
    "```json",
    '{"meta_title": "Fiddle-Leaf Fig Care", "focus_keyword": "fiddle-leaf fig care", "article_schema": {"@context": "https://schema.org", "@type": "Article", "headline": "Caring for a Fiddle-Leaf Fig",}}',
    "```",
  ].join("\r\n");
  const a = read(fenced);

  it("reads # and ## headings, CRLF line ends and lists", () => {
    expect(a.title?.text).toBe("Caring for a Fiddle-Leaf Fig");
    expect(headings(a)).toEqual(["h2 Light"]);
    const list = a.blocks.find((b) => b.kind === "list");
    expect(list?.kind === "list" && list.items.map((i) => i.text)).toEqual([
      "rotate it a quarter turn each month",
      "wipe the leaves so they can breathe",
    ]);
    expect(paragraphs(a)[0]).toBe(
      "Fiddle-leaf figs are sensitive to change, so a stable spot matters more than anything else.",
    );
  });

  it("still reads a Q:/A: line that starts with a space trimming keeps (em space)", () => {
    const b = read(
      ["Title Line", "", "Some prose here.", "", "FAQ", "\u2003Q: Is it hard?", "A: Not really."].join("\n"),
    );
    expect(b.faq.map((f) => [f.question.text, f.answer.text])).toEqual([["Is it hard?", "Not really."]]);
  });

  it("reads an FAQ heading with **Q:** / A: lines", () => {
    expect(a.faq.map((f) => [f.question.text, f.answer.text])).toEqual([
      ["Why are the leaves dropping?", "Usually a draught, a move, or overwatering."],
      ["How often should I water?", "When the top five centimetres of soil are dry."],
    ]);
    expect(fenced.slice(a.faqSpan!.start, a.faqSpan!.start + 29)).toBe("## Frequently Asked Questions");
  });

  it("parses the fenced json block (trailing comma fixed by jsonrepair) into meta and a block", () => {
    expect(a.meta.focusKeyword?.text).toBe("fiddle-leaf fig care");
    expect(a.jsonld).toHaveLength(1);
    expect(a.jsonld[0]!.origin).toBe("fenced");
    expect(a.jsonld[0]!.repair).toBe("prepass+jsonrepair");
    expect((a.jsonld[0]!.value as { headline: string }).headline).toBe("Caring for a Fiddle-Leaf Fig");
  });

  it("strips **bold** and [links](…) in paragraphs with a map back to the source", () => {
    const t =
      "Budgeting Basics\nStart with **needs** before wants, as the [50/30/20 rule](https://example.org/rule) suggests.";
    const b = read(t);
    const p = b.blocks[0]!;
    expect(p.kind).toBe("paragraph");
    if (p.kind !== "paragraph") return;
    expect(p.content.text).toBe("Start with needs before wants, as the 50/30/20 rule suggests.");
    expect(p.links).toEqual([
      { href: "https://example.org/rule", text: "50/30/20 rule", span: { start: 59, end: 100 } },
    ]);
    expect(t.slice(59, 100)).toBe("[50/30/20 rule](https://example.org/rule)");
    expect(p.content.map?.[1]).toEqual([11, 30, 5]);
  });
});

describe("bundle reader: hostile and odd input", () => {
  it("skips a BOM but keeps offsets in the original text", () => {
    const t = `\uFEFFRoasting Coffee at Home\n${P1}`;
    const a = read(t);
    expect(a.title?.span).toEqual({ start: 1, end: 24 });
    expect(a.title?.text).toBe("Roasting Coffee at Home");
  });

  it("notes a truncated leading object and still reads the body", () => {
    const t = `${curly('{"@type": "Article", "headline": "Roasting')}\nRoasting Coffee at Home\n${P1}`;
    const a = read(t);
    expect(a.readNotes.map((n) => n.id)).toEqual(["read/json-truncated"]);
    expect(a.jsonld[0]!.value).toEqual({ "@type": "Article", headline: "Roasting" });
    expect(a.title?.text).toBe("Roasting Coffee at Home");
    expect(paragraphs(a)).toEqual([P1]);
  });

  it("refuses 20,000 nested brackets with a read note, fast", () => {
    const t0 = performance.now();
    const a = read(`${"[".repeat(20000)}${"]".repeat(20000)}\nTitle Line\n${P1}`);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(a.readNotes.map((n) => n.id)).toEqual(["read/json-too-deep"]);
    expect(a.jsonld[0]!.repair).toBe("failed");
  });

  it("allows a deeper limit through maxNesting", () => {
    const deep = `${"[".repeat(300)}1${"]".repeat(300)}\nTitle Line\n${P1}`;
    expect(read(deep).jsonld[0]!.repair).toBe("failed");
    expect(readArticle({ path: "d", text: deep }, { from: "bundle", maxNesting: 400 }).jsonld[0]!.repair).toBe(
      "strict",
    );
  });
});

describe("bundle reader: numbered headings and questions", () => {
  const t = [
    "Saving for a First Home",
    "A deposit grows fastest when it has its own account and a fixed monthly transfer.",
    "1. Set a Target",
    "Work out the deposit you need and the date you want to buy.",
    "2. Automate the Transfer",
    "Move the money on payday so it never reaches your spending account.",
    "- open a separate account",
    "- name it after the goal",
    "Frequently Asked Questions",
    "1. How much deposit do I need?",
    "Usually between five and twenty percent of the price.",
    "2. Should I pay off debt first?",
    "Clear expensive debt before saving hard for a deposit.",
  ].join("\n");
  const a = read(t);

  it("reads a lone numbered line between paragraphs as an h2, and keeps real lists", () => {
    expect(headings(a)).toEqual(["h2 Set a Target", "h2 Automate the Transfer"]);
    expect(a.blocks.filter((b) => b.kind === "list")).toHaveLength(1);
  });

  it("reads numbered questions under an FAQ heading", () => {
    expect(a.faq.map((f) => [f.question.text, f.answer.text])).toEqual([
      ["How much deposit do I need?", "Usually between five and twenty percent of the price."],
      ["Should I pay off debt first?", "Clear expensive debt before saving hard for a deposit."],
    ]);
  });
});

describe("the coffee example (seed-like faults on another topic)", () => {
  const text = readFileSync(new URL("../examples/coffee-roasting.txt", import.meta.url), "utf8");
  const a = read(text, "coffee-roasting.txt");

  it("keeps inner typographic quotes in JSON-LD values and maps them to the source", () => {
    const faq = a.jsonld[1]!.value as { mainEntity: Array<{ acceptedAnswer: { text: string } }> };
    const answer = faq.mainEntity[2]!.acceptedAnswer.text;
    expect(answer.startsWith(`Listen for ${L}first crack,${R} the popping sound`)).toBe(true);
    const sp = a.jsonld[1]!.pointers["/mainEntity/2/acceptedAnswer/text"]!;
    expect(text.slice(sp.start, sp.end)).toBe(`${L}${answer}${R}`);
  });

  it("reads the faults as they are: empty date and author, differing block headline", () => {
    const [lead, , block] = a.jsonld;
    expect((lead!.value as { datePublished: string }).datePublished).toBe("");
    expect((lead!.value as { author: { name: string } }).author.name).toBe("");
    expect((block!.value as { headline: string }).headline).not.toBe(a.title!.text);
    expect(a.jsonld[1]!.notes).toContain("glued to the previous object (`}{`): split");
    expect(headings(a)).toHaveLength(6);
    expect(a.faq).toHaveLength(5);
  });
});

describe("bundle reader: bold headings", () => {
  it("takes a leading bold line as the title and later bold lines as h2, with bold questions under a bold FAQ heading", () => {
    const a = read(
      [
        "**Training for a First 10K**",
        P1,
        "**Build Your Base**",
        P2,
        "**Frequently Asked Questions**",
        "**How far should I run each week?**",
        P3,
      ].join("\n"),
    );
    expect(a.title?.text).toBe("Training for a First 10K");
    expect(headings(a)).toEqual(["h2 Build Your Base"]);
    expect(a.faq.map((f) => [f.question.text, f.answer.text])).toEqual([["How far should I run each week?", P3]]);
  });
});
