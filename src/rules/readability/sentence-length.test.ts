import { describe, expect, it } from "vitest";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { articleFrom, briefly, lintRule, paragraphOf, sentenceOf } from "../../../test/helpers/text-fixtures.js";
import { analyzeText } from "../../text/analyze.js";
import { sentenceLength } from "./sentence-length.js";

const defaults = sentenceLength.meta.options!.parse({});

describe("readability/sentence-length", () => {
  // 4 body sentences + 1 heading = 5; 2 long → 40%
  const longA = sentenceOf(21);
  const longB = sentenceOf(30);
  const para = [longA, sentenceOf(20), longB, sentenceOf(5)].join(" ");
  const article = articleFrom({ title: "Watering", body: [{ h: 2, text: "When to water" }, para] });
  const src = article.source.text;

  it("reports the share at the title, headings counted as sentences like Yoast", () => {
    const d = lintRule(sentenceLength, article);
    expect(d.map(briefly)).toEqual([{ messageId: "tooManyLong", span: [0, 8], line: 1, column: 1 }]);
    expect(d[0]?.message).toBe(
      "40% of the sentences (2 of 5) have more than 20 words; keep it at 25% or less. Split the longest ones.",
    );
    expect(sentenceLength.assess(analyzeText(article), { ...defaults, countHeadings: false })?.value).toBe(50);
  });

  it("can report each long sentence", () => {
    const d = lintRule(sentenceLength, article, { reportEach: true });
    const a = src.indexOf(longA);
    const b = src.indexOf(longB);
    expect(d.map((x) => [x.messageId, x.span.start, x.span.end])).toEqual([
      ["tooManyLong", 0, 8],
      ["longSentence", a, a + longA.length],
      ["longSentence", b, b + longB.length],
    ]);
  });

  it("scores ≤ 25% green, ≤ 30% orange, above red", () => {
    const score = (long: number, short: number) =>
      sentenceLength.assess(
        analyzeText(articleFrom({ body: [paragraphOf(...Array(long).fill(21), ...Array(short).fill(5))] })),
        defaults,
      )?.score;
    expect([score(1, 3), score(2, 5), score(3, 7), score(3, 6), score(1, 0)]).toEqual([9, 6, 6, 3, 3]);
    expect(lintRule(sentenceLength, articleFrom({ body: [paragraphOf(21, 5, 5, 5)] }))).toEqual([]);
  });
});

testRule(sentenceLength, {
  valid: [{ article: articleFrom({ title: "Short", body: [paragraphOf(21, 5, 5, 5)] }) }],
  invalid: [
    {
      article: articleFrom({ title: "Long", body: [paragraphOf(21, 22, 5)] }),
      errors: [{ messageId: "tooManyLong", line: 1, column: 1, endLine: 1, endColumn: 5, data: { long: 2, total: 3 } }],
    },
    {
      article: articleFrom({
        body: ["Beans climb poles well. Gardeners water the beds every morning before the sun gets too hot."],
      }),
      options: { maxWords: 10, reportEach: true },
      errors: [
        { messageId: "tooManyLong", line: 1, column: 1, data: { percent: 50 } },
        { messageId: "longSentence", line: 1, column: 25, endColumn: 92, data: { words: 12 } },
      ],
    },
  ],
});
