import { describe, expect, it } from "vitest";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { articleFrom, briefly, lintRule } from "../../../test/helpers/text-fixtures.js";
import { analyzeText } from "../../text/analyze.js";
import { fleschReadingEaseRule } from "./flesch-reading-ease.js";

const defaults = fleschReadingEaseRule.meta.options!.parse({});
const easy = "The cat sat on the mat. We like to dig in the sun. Dogs run and jump. ".repeat(4);
const hard =
  "Comprehensive multidisciplinary rehabilitation necessitates individualized physiotherapeutic interventions alongside psychological evaluation. ".repeat(
    6,
  );

describe("readability/flesch-reading-ease", () => {
  it("reports a difficult text at the title with its score and band", () => {
    const article = articleFrom({ title: "Therapy", body: [hard] });
    const d = lintRule(fleschReadingEaseRule, article);
    expect(d.map(briefly)).toEqual([{ messageId: "difficult", span: [0, 7], line: 1, column: 1 }]);
    expect(d[0]?.message).toBe(
      "Flesch reading ease is 0 (very difficult; 60 words in 6 sentences), far below 60. Split long sentences and replace long words with short ones.",
    );
  });

  it("passes easy texts and skips very short ones", () => {
    expect(lintRule(fleschReadingEaseRule, articleFrom({ body: [easy] }))).toEqual([]);
    const result = fleschReadingEaseRule.assess(analyzeText(articleFrom({ body: [easy] })), defaults);
    expect(result?.score).toBe(9);
    expect(fleschReadingEaseRule.assess(analyzeText(articleFrom({ body: ["Short text."] })), defaults)).toBeUndefined();
  });

  it("is a research only in Yoast's readability score, and English-only", () => {
    expect(fleschReadingEaseRule.scored).toBe(false);
    expect(fleschReadingEaseRule.meta.languages).toEqual(["en"]);
  });
});

testRule(fleschReadingEaseRule, {
  valid: [
    { article: articleFrom({ body: [easy] }) },
    { article: articleFrom({ body: [hard] }), options: { okayAt: 0 } },
  ],
  invalid: [
    {
      article: articleFrom({ title: "Therapy", body: [hard] }),
      errors: [{ messageId: "difficult", line: 1, column: 1, data: { score: 0, band: "very difficult" } }],
    },
  ],
});
