import { describe, expect, it } from "vitest";
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
