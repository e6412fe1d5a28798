import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixText } from "../src/engine/fix.js";
import { lintArticle } from "../src/engine/lint.js";
import type { Diagnostic } from "../src/engine/types.js";
import { readArticle } from "../src/read/index.js";
import { consistencyRules } from "../src/rules/consistency/index.js";
import { googleRules } from "../src/rules/google/index.js";
import { jsonldRules } from "../src/rules/jsonld/index.js";
import { hasShared, readShared, SEED_PATH, sharedSkipReason } from "./helpers/shared.js";
import { fixtureArticle } from "./helpers/structured-data.js";

const rules = [...jsonldRules, ...googleRules, ...consistencyRules].map((rule) => ({
  rule,
  severity: rule.meta.severity,
  options: (rule.meta.options?.parse({}) ?? {}) as Record<string, unknown>,
}));

function lint(text: string): Diagnostic[] {
  const article = readArticle({ path: "draft.txt", text });
  const settings = { now: new Date("2026-11-24T12:00:00Z"), health: "auto" as const };
  return lintArticle(article, { rules, settings, throwOnCrash: true }).diagnostics;
}

function lintSeed(): { diagnostics: Diagnostic[]; text: string } {
  const text = readShared(SEED_PATH);
  return { diagnostics: lint(text), text };
}

describe("structured-data rules on the seed draft", () => {
  if (!hasShared) console.warn(sharedSkipReason("the structured-data seed checks"));

  it.skipIf(!hasShared)(
    "report the broken JSON-LD, the empty values, the conflicting headlines and the retired FAQ feature at their lines",
    () => {
      const { diagnostics, text } = lintSeed();
      const lines = text.split("\n");
      const at = (ruleId: string) =>
        diagnostics
          .filter((d) => d.ruleId === ruleId)
          .map((d) => {
            // the reported text itself, or its first character when it spans lines
            const end = d.endLine === d.line ? d.endColumn - 1 : d.column;
            return `${d.line}:${d.column} ${lines[d.line - 1]?.slice(d.column - 1, end)}`;
          });

      // typographic-quote JSON: the leading Article (line 1), the FAQPage glued to it as `}{` (line 10),
      // and the article_schema and faq_schema members of the schema block (lines 85 and 93)
      expect(at("jsonld/syntax")).toEqual(["1:1 {", "10:2 {", "85:19 {", "93:15 {"]);
      // the first Article's empty datePublished and author name
      expect(at("jsonld/empty-value")).toEqual(["5:18 “”", "8:9 “”"]);
      expect(lines[4]).toMatch(/^“datePublished”/);
      expect(lines[7]).toMatch(/^“name”/);
      // the schema block's headline (line 88) differs from the top Article's (line 4)
      expect(at("consistency/conflicting-nodes")).toEqual([
        "88:13 “Sex Causes Back Pain: 2026 Guide to Relief and Prevention”",
      ]);
      expect(diagnostics.find((d) => d.ruleId === "consistency/conflicting-nodes")?.message).toContain(
        "but the Article node at line 4 says",
      );
      // FAQ rich results are retired: one note per FAQPage node, at its @type
      expect(at("google/faq-retired")).toEqual(["12:10 “FAQPage”", "95:10 “FAQPage”"]);
      // the vocabulary is used correctly, and the visible FAQ matches both FAQPage copies
      expect(at("jsonld/unknown-property")).toEqual([]);
      expect(at("jsonld/unknown-type")).toEqual([]);
      expect(at("consistency/faq-mismatch")).toEqual([]);
    },
  );
});

describe("structured-data rules on the seed after `fix`", () => {
  it.skipIf(!hasShared)("leave strict JSON that keeps the inner typographic quotes", () => {
    const { text } = lintSeed();
    const syntaxOnly = (t: string) => lint(t).filter((d) => d.ruleId === "jsonld/syntax");
    const result = fixText(text, syntaxOnly);
    const fixed = result.output;
    // the leading blocks touch (`}{`), so the engine fixes them in two passes
    expect(result.passes).toBe(2);
    expect(fixed).not.toBe(text);
    expect(fixed.startsWith('{\n  "@context": "https://schema.org",\n  "@type": "Article",')).toBe(true);
    expect(fixed).toContain("This “guarding” mechanism");
    const after = lint(fixed);
    expect(after.filter((d) => d.ruleId === "jsonld/syntax")).toEqual([]);
    expect(
      readArticle({ path: "fixed.txt", text: fixed })
        .jsonld.slice(0, 2)
        .map((b) => b.repair),
    ).toEqual(["strict", "strict"]);
  });
});

// A draft of our own in the seed's shape: glued Article + FAQPage, body with a visible FAQ, schema block.
const DRAFT = `{"@context": "https://schema.org", "@type": "Article", "headline": "Building a rain garden in a small yard", "datePublished": "2025-04-02", "author": {"@type": "Person", "name": "Noor Haddad", "url": "https://example.com/noor"}}{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "How deep should a rain garden be?", "acceptedAnswer": {"@type": "Answer", "text": "Dig it about 15 cm deep."}}, {"@type": "Question", "name": "Which plants survive wet feet?", "acceptedAnswer": {"@type": "Answer", "text": "Sedges and rushes."}}]}
Building a rain garden in a small yard
A rain garden catches roof water and lets it soak away slowly instead of flooding the street drain.
Choosing the spot
Pick a low place at least three metres from the house, where water already gathers after a storm.
Frequently Asked Questions
How deep should a rain garden be?
Dig it about 20 cm deep.
Does a rain garden attract mosquitoes?
No. It drains within two days, before mosquitoes can breed.
===SCHEMA_JSON_START===
{
"meta_title": "Rain Garden Guide for Small Yards",
"article_schema": {"@context": "https://schema.org", "@type": "Article", "headline": "Rain Gardens: A Complete Guide", "datePublished": "2025-04-02"}
}
===SCHEMA_JSON_END===
`;

describe("structured-data rules on a drifted draft", () => {
  const diagnostics = lint(DRAFT);
  const of = (ruleId: string) =>
    diagnostics
      .filter((d) => d.ruleId === ruleId)
      .map((d) => [d.messageId, d.line, d.column, d.message.match(/"([^"]+)"/)?.[1]]);

  it("name the marked-up question the page lacks, the differing answer and the unmarked visible question", () => {
    const answerColumn = DRAFT.indexOf('"Dig it about 15 cm deep."') - DRAFT.lastIndexOf("\n", DRAFT.indexOf("Dig it"));
    expect(of("consistency/faq-mismatch")).toEqual([
      ["answerDiffers", 1, answerColumn, "How deep should a rain garden be?"],
      ["questionNotVisible", 1, DRAFT.indexOf('"Which plants') + 1, "Which plants survive wet feet?"],
      ["questionNotMarked", 9, 1, "Does a rain garden attract mosquitoes?"],
    ]);
  });

  it("catch the schema block's headline disagreeing with the top Article", () => {
    const [conflict, ...rest] = diagnostics.filter((d) => d.ruleId === "consistency/conflicting-nodes");
    expect(rest).toEqual([]);
    expect([conflict?.line, conflict?.column]).toEqual([14, 86]);
    expect(conflict?.message).toBe(
      '`headline` is "Rain Gardens: A Complete Guide" here, but the Article node at line 1 says "Building a rain garden in a small yard"; search engines pick one or distrust both. Make them the same, or keep only one node.',
    );
  });
});

describe("structured-data rules on arbitrary JSON-LD", () => {
  it("never throw, and report only spans inside the source", () => {
    const settings = { now: new Date("2026-11-24T12:00:00Z"), health: "auto" as const };
    const typed = fc.record({
      "@context": fc.constantFrom("https://schema.org", "http://schema.org/", undefined),
      "@type": fc.constantFrom(
        "Article",
        "FAQPage",
        "BreadcrumbList",
        "Organization",
        "Question",
        ["Article", "x:Y"],
        7,
      ),
      headline: fc.jsonValue(),
      mainEntity: fc.jsonValue(),
      itemListElement: fc.jsonValue(),
      author: fc.jsonValue(),
      datePublished: fc.oneof(fc.string(), fc.jsonValue()),
    });
    fc.assert(
      fc.property(fc.oneof(typed, fc.jsonValue()), (value) => {
        const text = `${JSON.stringify(value, null, 1)}\n`;
        if (!/^[[{]/.test(text)) return;
        const article = fixtureArticle(text);
        const { diagnostics } = lintArticle(article, { rules, settings, throwOnCrash: true });
        for (const d of diagnostics) {
          expect(d.span.start).toBeGreaterThanOrEqual(0);
          expect(d.span.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });
});
