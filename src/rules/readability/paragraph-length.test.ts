import { describe, expect, it } from "vitest";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { articleFrom, briefly, lintRule, paragraphOf } from "../../../test/helpers/text-fixtures.js";
import { analyzeText } from "../../text/analyze.js";
import { paragraphLength } from "./paragraph-length.js";

const defaults = paragraphLength.meta.options!.parse({});

describe("readability/paragraph-length", () => {
  const ok = paragraphOf(50, 50, 50); // 150 words: at the limit
  const long = paragraphOf(60, 60, 31); // 151
  const veryLong = paragraphOf(100, 101); // 201
  const article = articleFrom({
    title: "Beds",
    body: [ok, long, { h: 2, text: "More" }, veryLong],
    faq: [["Why?", long]],
  });
  const src = article.source.text;

  it("reports each paragraph and FAQ answer over 150 words at the paragraph", () => {
    const d = lintRule(paragraphLength, article);
    const at = (from: number) => {
      const start = src.indexOf(long, from);
      return [start, start + long.length] as [number, number];
    };
    const vStart = src.indexOf(veryLong);
    expect(d.map(briefly)).toEqual([
      { messageId: "tooLong", span: at(0), line: 5, column: 1 },
      { messageId: "tooLong", span: [vStart, vStart + veryLong.length], line: 9, column: 1 },
      { messageId: "tooLong", span: at(vStart), line: 13, column: 1 },
    ]);
    expect(d[0]?.message).toBe("This paragraph has 151 words (more than 150). Break it into shorter paragraphs.");
  });

  it("scores like Yoast: > 200 red, > 150 orange, else green", () => {
    expect(paragraphLength.assess(analyzeText(article), defaults)?.score).toBe(3);
    expect(paragraphLength.assess(analyzeText(articleFrom({ body: [ok, long] })), defaults)?.score).toBe(6);
    expect(paragraphLength.assess(analyzeText(articleFrom({ body: [ok] })), defaults)).toEqual({
      score: 9,
      value: 0,
      reports: [],
    });
    expect(paragraphLength.assess(analyzeText(articleFrom({ body: [{ h: 2, text: "Only" }] })), defaults)).toBe(
      undefined,
    );
  });

  it("takes the limit from options", () => {
    expect(lintRule(paragraphLength, articleFrom({ body: [ok] }), { maxWords: 100 }).length).toBe(1);
  });
});

testRule(paragraphLength, {
  valid: [{ article: articleFrom({ body: [paragraphOf(50, 50, 50)] }) }],
  invalid: [
    {
      article: articleFrom({ title: "Beds", body: [paragraphOf(100, 51)] }),
      errors: [{ messageId: "tooLong", line: 3, column: 1, data: { words: 151, maxWords: 150 } }],
    },
    {
      article: articleFrom({ body: [paragraphOf(60, 60)] }),
      options: { maxWords: 100 },
      errors: [{ messageId: "tooLong", line: 1, column: 1, data: { words: 120, maxWords: 100 } }],
    },
  ],
});
