import { describe, expect, it } from "vitest";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { articleFrom, briefly, lintRule, paragraphOf } from "../../../test/helpers/text-fixtures.js";
import { analyzeText } from "../../text/analyze.js";
import { subheadingDistribution } from "./subheading-distribution.js";

const defaults = subheadingDistribution.meta.options!.parse({});
const p100 = () => paragraphOf(50, 50);

describe("readability/subheading-distribution", () => {
  it("reports a section over 300 words at its heading, and a long intro at its first paragraph", () => {
    const intro = p100();
    const article = articleFrom({
      title: "Compost",
      body: [
        intro,
        p100(),
        p100(),
        p100(),
        { h: 2, text: "Turning" },
        p100(),
        p100(),
        p100(),
        { h: 2, text: "Using" },
        p100(),
      ],
    });
    const src = article.source.text;
    const turning = src.indexOf("Turning");
    const d = lintRule(subheadingDistribution, article);
    expect(d.map(briefly)).toEqual([{ messageId: "introTooLong", span: [9, 9 + intro.length], line: 3, column: 1 }]);
    expect(d[0]?.message).toBe(
      "The text runs 400 words before its first subheading (more than 300). Add a subheading.",
    );
    const longer = articleFrom({ body: [{ h: 2, text: "Turning" }, p100(), p100(), p100(), "One more word here."] });
    expect(lintRule(subheadingDistribution, longer).map(briefly)).toEqual([
      { messageId: "sectionTooLong", span: [0, 7], line: 1, column: 1 },
    ]);
    expect(turning).toBeGreaterThan(0);
  });

  it("counts FAQ questions as subheadings", () => {
    const article = articleFrom({
      body: [{ h: 2, text: "Basics" }, p100(), p100()],
      faq: [
        ["When?", p100()],
        ["Why?", p100()],
      ],
    });
    expect(lintRule(subheadingDistribution, article)).toEqual([]);
  });

  it("scores like Yoast: ≤ 300 green, ≤ 350 orange, more red, no subheadings 2", () => {
    const score = (body: Parameters<typeof articleFrom>[0]["body"]) =>
      subheadingDistribution.assess(analyzeText(articleFrom({ body })), defaults)?.score;
    expect(score([{ h: 2, text: "A" }, p100(), p100(), p100()])).toBe(9);
    expect(score([{ h: 2, text: "A" }, p100(), p100(), p100(), paragraphOf(40)])).toBe(6);
    expect(score([{ h: 2, text: "A" }, p100(), p100(), p100(), p100()])).toBe(3);
    expect(score([p100(), p100(), p100(), p100()])).toBe(2);
    expect(score([p100(), p100(), p100()])).toBe(9);
    const none = articleFrom({ title: "Notes", body: [p100(), p100(), p100(), p100()] });
    expect(lintRule(subheadingDistribution, none).map(briefly)).toEqual([
      { messageId: "noSubheadings", span: [0, 5], line: 1, column: 1 },
    ]);
  });
});

testRule(subheadingDistribution, {
  valid: [{ article: articleFrom({ body: [{ h: 2, text: "A" }, p100(), p100(), p100()] }) }],
  invalid: [
    {
      article: articleFrom({ title: "Notes", body: [p100(), p100(), p100(), p100()] }),
      errors: [{ messageId: "noSubheadings", line: 1, column: 1, data: { words: 400, maxWords: 300 } }],
    },
    {
      article: articleFrom({ body: [{ h: 2, text: "Turning" }, p100(), p100(), p100(), p100()] }),
      errors: [{ messageId: "sectionTooLong", line: 1, column: 1, endLine: 1, endColumn: 8, data: { words: 400 } }],
    },
  ],
});
