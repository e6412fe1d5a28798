import { describe, expect, it } from "vitest";
import { lintArticle } from "../src/engine/lint.js";
import type { Diagnostic } from "../src/engine/types.js";
import { readArticle } from "../src/read/index.js";
import { consistencyRules } from "../src/rules/consistency/index.js";
import { googleRules } from "../src/rules/google/index.js";
import { jsonldRules } from "../src/rules/jsonld/index.js";
import { hasShared, readShared, SEED_PATH, sharedSkipReason } from "./helpers/shared.js";

const rules = [...jsonldRules, ...googleRules, ...consistencyRules].map((rule) => ({
  rule,
  severity: rule.meta.severity,
  options: (rule.meta.options?.parse({}) ?? {}) as Record<string, unknown>,
}));

function lintSeed(): { diagnostics: Diagnostic[]; text: string } {
  const text = readShared(SEED_PATH);
  const article = readArticle({ path: "seed.txt", text });
  const { diagnostics } = lintArticle(article, {
    rules,
    settings: { now: new Date("2026-11-24T12:00:00Z"), health: "auto" },
    throwOnCrash: true,
  });
  return { diagnostics, text };
}

/** Line number (1-based) of the first line containing `needle` at or after line `from`. */
function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split("\n");
  for (let i = from - 1; i < lines.length; i++) if (lines[i]?.includes(needle)) return i + 1;
  throw new Error(`not in seed: ${needle}`);
}

describe("structured-data rules on the seed draft", () => {
  if (!hasShared) console.warn(sharedSkipReason("the structured-data seed checks"));

  it.skipIf(!hasShared)(
    "report the broken JSON-LD, the empty values, the conflicting headlines and the retired FAQ feature at their lines",
    () => {
      const { diagnostics, text } = lintSeed();
      const at = (ruleId: string) => diagnostics.filter((d) => d.ruleId === ruleId).map((d) => [d.line, d.column]);
      const marker = lineOf(text, "===SCHEMA_JSON_START===");
      const faqStart = lineOf(text, "FAQPage");
      const markerFaq = lineOf(text, "FAQPage", marker);

      // the typographic-quote JSON: both leading objects and both members of the schema block
      expect(at("jsonld/syntax")).toEqual([
        [1, 1],
        [faqStart - 2, 2],
        [
          lineOf(text, "article_schema"),
          lineOf(text, "article_schema") && text.split("\n")[lineOf(text, "article_schema") - 1]!.indexOf("{") + 1,
        ],
        [lineOf(text, "faq_schema"), text.split("\n")[lineOf(text, "faq_schema") - 1]!.indexOf("{") + 1],
      ]);
      // the first Article's empty datePublished and author name
      const empty = diagnostics.filter((d) => d.ruleId === "jsonld/empty-value");
      expect(empty.map((d) => [d.line, d.message.slice(0, 20)])).toEqual([
        [lineOf(text, "datePublished"), "`datePublished` is e"],
        [lineOf(text, "name", lineOf(text, "author")), "`name` is empty, whi"],
      ]);
      // the schema block's headline differs from the top Article's
      const conflicts = diagnostics.filter((d) => d.ruleId === "consistency/conflicting-nodes");
      const headline2 = lineOf(text, "headline", marker);
      expect(conflicts.map((d) => d.line)).toEqual([headline2]);
      expect(conflicts[0]?.message).toContain(`at line ${lineOf(text, "headline")}`);
      // FAQ rich results are retired: one note per FAQPage node
      expect(at("google/faq-retired").map(([line]) => line)).toEqual([faqStart, markerFaq]);
      // schema.org vocabulary is used correctly
      expect(at("jsonld/unknown-property")).toEqual([]);
      expect(at("jsonld/unknown-type")).toEqual([]);
    },
  );
});
