import { describe, expect, it } from "vitest";
import { readArticle } from "../src/read/index.js";
import { articleView } from "../src/read/view.js";
import { hasShared, readShared, SEED_PATH, sharedSkipReason } from "./helpers/shared.js";

if (!hasShared) console.warn(sharedSkipReason("the seed draft test (test/read-seed.test.ts)"));

describe("the seed draft", () => {
  it.skipIf(!hasShared)("reads as title, 6 sections, 5 FAQ items, block meta and 4 JSON-LD objects", () => {
    const text = readShared(SEED_PATH);
    const a = readArticle({ path: SEED_PATH, text });
    const v = articleView(a);
    expect(v.format).toBe("bundle");
    const lines = text.split("\n");
    const titleLine = lines.find((l) => !/^[{}[\]“”\s]/.test(l) && l.trim() !== "") as string;
    expect(v.title).toBe(titleLine);
    expect(v.sections).toHaveLength(6);
    expect(v.sections[5]!.heading.startsWith("Conclusion")).toBe(true);
    expect(v.sections.every((s) => s.level === 2 && s.paragraphs.length === 1)).toBe(true);
    expect(v.intro).toHaveLength(1);
    expect(v.faq).toHaveLength(5);
    expect(v.faq[3]!.answer).toContain("This \u201cguarding\u201d mechanism");
    expect(v.meta.focusKeyword).toBe("sex causes back pain");
    expect(v.meta.title.length).toBeGreaterThan(20);
    expect(v.meta.description.length).toBeGreaterThan(100);
    expect(v.structuredData.map((d) => (d as { "@type": string })["@type"])).toEqual([
      "Article",
      "FAQPage",
      "Article",
      "FAQPage",
    ]);
    expect(a.jsonld.map((j) => j.origin)).toEqual(["leading", "leading", "marker-block", "marker-block"]);
    expect(a.jsonld.every((j) => j.repair === "prepass")).toBe(true);
    const inner = (a.jsonld[1]!.value as { mainEntity: Array<{ acceptedAnswer: { text: string } }> }).mainEntity[3]!;
    expect(inner.acceptedAnswer.text).toContain("\u201cguarding\u201d");
    // every body paragraph is a whole line of the source, byte for byte
    for (const b of a.blocks) {
      if (b.kind !== "paragraph") continue;
      expect(b.content.map).toBeUndefined();
      expect(lines).toContain(b.content.text);
      expect(text.slice(b.content.span.start, b.content.span.end)).toBe(b.content.text);
    }
    // pointers land on the curly-quoted value in the original text
    const sp = a.jsonld[1]!.pointers["/mainEntity/3/acceptedAnswer/text"]!;
    expect(text.slice(sp.start + 1, sp.end - 1)).toBe(inner.acceptedAnswer.text);
    expect(a.readNotes).toEqual([]);
  });

  it.skipIf(!hasShared)("reads the same with a BOM and CRLF line ends, spans still pointing into that text", () => {
    const text = readShared(SEED_PATH);
    const crlf = `\uFEFF${text.replace(/\n/g, "\r\n")}`;
    const plain = articleView(readArticle({ path: "seed.txt", text }));
    const a = readArticle({ path: "seed-crlf.txt", text: crlf });
    const v = articleView(a);
    expect({ ...v, repairs: [] }).toEqual({ ...plain, repairs: [] });
    for (const b of a.blocks)
      if (b.kind === "paragraph") expect(crlf.slice(b.content.span.start, b.content.span.end)).toBe(b.content.text);
  });
});
