import { describe, expect, it } from "vitest";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { articleFrom, briefly, lintRule } from "../../../test/helpers/text-fixtures.js";
import { analyzeText } from "../../text/analyze.js";
import { sentenceBeginnings } from "./sentence-beginnings.js";

describe("readability/sentence-beginnings", () => {
  it("reports each run of three or more alike openings over the run", () => {
    const run = "Then dig. Then sow. Then water.";
    const article = articleFrom({ title: "Steps", body: [`Start early. ${run} The soil rests.`] });
    const src = article.source.text;
    const start = src.indexOf(run);
    const d = lintRule(sentenceBeginnings, article);
    expect(d.map(briefly)).toEqual([{ messageId: "repeated", span: [start, start + run.length], line: 3, column: 14 }]);
    expect(d[0]?.message).toBe('3 sentences in a row start with "then". Vary how they begin.');
  });

  it("compares two words after an article, and allows two in a row", () => {
    const t = analyzeText(
      articleFrom({ body: ["The soil is dry. The sun is hot. The rain is late. Water now. Water later."] }),
    );
    expect(sentenceBeginnings.assess(t, { maxSame: 2 })).toEqual({ score: 9, value: 0, reports: [] });
    expect(sentenceBeginnings.assess(t, { maxSame: 1 })?.reports.length).toBe(1);
  });
});

testRule(sentenceBeginnings, {
  valid: [
    { code: "# Steps\n\nDig the bed. Then sow. Then water. Rest.\n", from: "markdown" },
    { code: "# Steps\n\nThen dig. Then sow. Then water.\n", from: "markdown", options: { maxSame: 3 } },
  ],
  invalid: [
    {
      code: "# Steps\n\nStart early. Then dig. Then sow. Then water. The soil rests.\n",
      from: "markdown",
      errors: [
        {
          messageId: "repeated",
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 45,
          data: { count: 3, beginning: "then" },
        },
      ],
    },
    {
      article: articleFrom({ body: ["The bed is dug. The bed is sown.", "The bed is watered. Rest now."] }),
      errors: [
        { messageId: "repeated", line: 1, column: 1, endLine: 3, endColumn: 20, data: { beginning: "the bed" } },
      ],
    },
  ],
});
