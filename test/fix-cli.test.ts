import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRunConfig } from "../src/cli/commands/build.js";
import { fixSource } from "../src/cli/commands/fix.js";
import { main } from "../src/cli/main.js";
import { readArticle } from "../src/read/index.js";
import { memoryIo } from "./build-helpers.js";

/** A bundle draft in the LLM layout: typographic-quote JSON-LD on top, an inner “quoted” word, prose, FAQ. */
const DRAFT = `{
“@context”: “https://schema.org”,
“@type”: “Article”,
“headline”: “Growing Basil Indoors”,
“datePublished”: “2025-05-01”
}
Growing Basil Indoors
Basil wants warmth, light and steady moisture. A south-facing sill gives most kitchens enough sun from spring onwards.
Light and Warmth
Give the plant six hours of direct light. Below fifteen degrees the leaves darken and growth stalls.
How often should I water basil?
Water when the top centimetre of compost is dry, and never leave the pot standing in water.
Why are my basil leaves “cupping”?
Cupped leaves usually mean too much direct midday heat behind glass; move the pot back a little.
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "copydesk-fix-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("copydesk fix", () => {
  it("--dry-run prints a unified diff of the repaired JSON and writes nothing", async () => {
    const file = join(dir, "basil-dry.txt");
    writeFileSync(file, DRAFT);
    const io = memoryIo(dir);
    await main(["fix", "basil-dry.txt", "--dry-run"], io);
    expect(readFileSync(file, "utf8")).toBe(DRAFT);
    expect(io.out).toMatch(
      /^=+\n--- a\/basil-dry\.txt\n\+\+\+ b\/basil-dry\.txt\n@@ -1,8 \+1,8 @@\n \{\n-“@context”: “https:\/\/schema\.org”,\n/,
    );
    expect(io.out).toContain('\n+  "@context": "https://schema.org",\n');
    expect(io.err).toBe("1 file(s) would change (dry run: nothing written)\n");
  });

  it("writes the repaired JSON back in place, atomically, and leaves every line of prose as it was", async () => {
    const file = join(dir, "basil.txt");
    writeFileSync(file, DRAFT);
    const io = memoryIo(dir);
    await main(["fix", "basil.txt"], io);
    const fixed = readFileSync(file, "utf8");
    expect(io.out).toMatch(/^basil\.txt: fixed \d+ problem\(s\) \(.*jsonld\/syntax.*\)/);
    const json = fixed.slice(0, fixed.indexOf("}\n") + 1);
    expect(JSON.parse(json)).toEqual({
      "@context": "https://schema.org",
      "@type": "Article",
      headline: "Growing Basil Indoors",
      datePublished: "2025-05-01",
    });
    expect(fixed.slice(fixed.indexOf("}\n") + 2)).toBe(DRAFT.slice(DRAFT.indexOf("}\n") + 2));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // a second run has nothing left to fix
    const again = memoryIo(dir);
    await main(["fix", "basil.txt"], again);
    expect(again.out).toMatch(/^basil\.txt: nothing to fix/);
    expect(readFileSync(file, "utf8")).toBe(fixed);
  });

  it("rewrites a mismatching FAQPage from the visible FAQ and fills author and publisher only from the config", async () => {
    const sub = join(dir, "sync");
    mkdirSync(sub);
    writeFileSync(
      join(sub, "copydesk.config.json"),
      JSON.stringify({
        site: { url: "https://herbs.example.org", author: { name: "Mara Quist" }, publisher: { name: "Herb Notes" } },
      }),
    );
    const faqLd = {
      "@context": "https://schema.org",
      "@type": "FAQPage",
      mainEntity: [
        {
          "@type": "Question",
          name: "How often should I water basil?",
          acceptedAnswer: { "@type": "Answer", text: "Daily." },
        },
      ],
    };
    const articleLd = {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: "Growing Basil Indoors",
      author: { "@type": "Person", name: "" },
    };
    const prose = DRAFT.slice(DRAFT.indexOf("}\n") + 2);
    const text = `${JSON.stringify(articleLd)}\n${JSON.stringify(faqLd)}\n${prose}`;
    writeFileSync(join(sub, "basil.txt"), text);
    const io = memoryIo(sub);
    await main(["fix", "basil.txt"], io);
    expect(io.out).toContain("build/faq-sync");
    expect(io.out).toContain("build/fill-from-config");
    const fixed = readFileSync(join(sub, "basil.txt"), "utf8");
    expect(fixed.endsWith(prose)).toBe(true);
    const back = readArticle({ path: "basil.txt", text: fixed });
    const values = back.jsonld.map((b) => b.value as Record<string, any>);
    expect(values[0]?.author).toEqual({ "@type": "Person", name: "Mara Quist" });
    expect(values[0]?.publisher).toEqual({ "@type": "Organization", name: "Herb Notes" });
    expect(values[1]?.mainEntity).toEqual(
      back.faq.map((f) => ({
        "@type": "Question",
        name: f.question.text,
        acceptedAnswer: { "@type": "Answer", text: f.answer.text },
      })),
    );
    expect(values[1]?.mainEntity[1].name).toBe("Why are my basil leaves “cupping”?");
  });

  it("never invents an author when the config names none", async () => {
    const file = join(dir, "no-config-author.txt");
    const text = `${JSON.stringify({ "@context": "https://schema.org", "@type": "Article", headline: "Growing Basil Indoors" })}\n${DRAFT.slice(DRAFT.indexOf("}\n") + 2)}`;
    writeFileSync(file, text);
    await main(["fix", "no-config-author.txt"], memoryIo(dir));
    expect(readFileSync(file, "utf8")).not.toContain('"author"');
  });

  it("reports a missing file as a one-line usage error", async () => {
    const io = memoryIo(dir);
    expect(await main(["fix", "nope.txt"], io)).toBe(2);
    expect(io.err.trim().split("\n")).toHaveLength(1);
  });
});

/** Sentences of the visible prose (paragraphs and FAQ answers) as the reader sees them. */
function proseSentences(text: string): string[] {
  const article = readArticle({ path: "p.txt", text });
  const parts = [
    ...article.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.content.text] : [])),
    ...article.faq.map((f) => f.answer.text),
  ];
  return parts.flatMap((p) => p.split(/(?<=[.!?])\s+/)).filter((s) => s.trim().length > 0);
}

describe("fix never loses prose (property)", () => {
  const word = fc.constantFrom(
    "soil",
    "water",
    "light",
    "roots",
    "leaf",
    "compost",
    "pot",
    "sun",
    "warm",
    "slowly",
    "often",
    "never",
    "“fresh”",
    "in",
    "2026,",
    "the",
    "a",
    "grows",
    "needs",
    "keeps",
    "dry",
    "moist",
    "very",
    "really",
  );
  const sentence = fc
    .array(word, { minLength: 4, maxLength: 14 })
    .map((ws) => `${ws.join(" ").replace(/^./, (c) => c.toUpperCase())}.`);
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((ss) => ss.join(" "));
  const heading = fc
    .array(fc.constantFrom("Soil", "Water", "Light", "Pots", "Care", "Roots"), { minLength: 2, maxLength: 4 })
    .map((ws) => ws.join(" "));
  const question = fc.array(word, { minLength: 3, maxLength: 8 }).map((ws) => `Why does ${ws.join(" ")}?`);
  const draft = fc.record({
    title: heading,
    jsonQuotes: fc.boolean(),
    trailingComma: fc.boolean(),
    sections: fc.array(fc.tuple(heading, paragraph), { minLength: 1, maxLength: 4 }),
    intro: paragraph,
    faq: fc.array(fc.tuple(question, paragraph), { minLength: 0, maxLength: 3 }),
  });

  function render(d: fc.Arbitrary<any> extends never ? never : any): string {
    const q = (s: string) => (d.jsonQuotes ? `“${s}”` : `"${s}"`);
    const comma = d.trailingComma ? "," : "";
    const json = `{\n${q("@context")}: ${q("https://schema.org")},\n${q("@type")}: ${q("Article")},\n${q("headline")}: ${q(d.title)}${comma}\n}`;
    const body = d.sections.map(([h, p]: [string, string]) => `${h}\n${p}`).join("\n");
    const faq = d.faq.map(([qq, a]: [string, string]) => `${qq}\n${a}`).join("\n");
    return `${json}\n${d.title}\n${d.intro}\n${body}\n${faq}\n`;
  }

  it("every source sentence of paragraphs and FAQ answers survives a fix run", async () => {
    const run = await loadRunConfig(memoryIo(dir));
    fc.assert(
      fc.property(draft, (d) => {
        const text = render(d);
        const article = readArticle({ path: "p.txt", text });
        const result = fixSource(article, run);
        for (const s of proseSentences(text)) expect(result.output).toContain(s);
      }),
      { numRuns: 60 },
    );
  });
});
