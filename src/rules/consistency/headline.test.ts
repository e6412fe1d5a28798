import { describe, expect, it } from "vitest";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { fixtureArticle } from "../../../test/helpers/structured-data.js";
import { headline, similarity } from "./headline.js";

const src = (h: string, title: string, metaTitle: string) =>
  `{"@context": "https://schema.org", "@type": "Article", "headline": ${JSON.stringify(h)}}\n# ${title}\nmeta: ${metaTitle}\n`;
const article = (h: string, title: string, metaTitle: string) =>
  fixtureArticle(src(h, title, metaTitle), { title, meta: { title: metaTitle } });

describe("similarity", () => {
  it("is 1 for containment and the word-overlap share otherwise", () => {
    expect(similarity("Growing basil indoors", "Growing basil indoors | Leaf Notes")).toBe(1);
    expect(similarity("growing basil", "pruning basil")).toBe(0.5);
    expect(similarity("a b c d", "e f g h")).toBe(0);
  });
});

testRule(headline, {
  valid: [
    { article: article("Growing basil indoors", "Growing Basil Indoors", "Growing basil indoors – Leaf Notes") },
    { article: article("How to grow basil indoors", "Grow basil indoors", "Basil indoors") },
    { article: article("Basil", "Tomato soup", "Tomato soup"), options: { minSimilarity: 0 } },
  ],
  invalid: [
    {
      article: article("Growing basil indoors", "Ten soups for autumn", "Growing basil indoors | Leaf Notes"),
      errors: [
        {
          messageId: "differs",
          data: { what: "H1", other: "Ten soups for autumn", percent: 0 },
          line: 1,
          column: 68,
          endColumn: 91,
        },
      ],
    },
    {
      name: "the H1 contains the headline (similar), the meta title does not",
      article: article("Growing basil indoors", "Growing basil", "Autumn soups and stews"),
      options: { minSimilarity: 0.9 },
      errors: [{ messageId: "differs", data: { what: "meta title", percent: 0, min: 0.9 }, line: 1, column: 68 }],
    },
  ],
});
