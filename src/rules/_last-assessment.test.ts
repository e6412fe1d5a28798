import { describe, expect, it } from "vitest";
import { articleFrom } from "../../test/helpers/text-fixtures.js";
import { analyzeText } from "../text/analyze.js";
import type { TextAnalysis } from "../text/types.js";
import { LastAssessment, sameOptions } from "./_last-assessment.js";
import { readabilityRule } from "./readability/_assessment.js";
import { seoRule } from "./seo/_assessment.js";

const textA = analyzeText(articleFrom({ body: ["One short paragraph of plain words."] }));
const textB = analyzeText(articleFrom({ body: ["Another paragraph, with other words."] }));

describe("sameOptions", () => {
  it("compares flat objects by their values, arrays by identity", () => {
    const list = ["a"];
    expect(sameOptions({ n: 1, list }, { n: 1, list })).toBe(true);
    expect(sameOptions({ n: 1, list }, { n: 1, list: ["a"] })).toBe(false);
    expect(sameOptions({ n: 1 }, { n: 2 })).toBe(false);
    expect(sameOptions({ n: 1 }, { n: 1, m: 2 })).toBe(false);
    expect(sameOptions({ n: 1, m: undefined }, { n: 1, k: undefined })).toBe(false);
    expect(sameOptions(undefined, undefined)).toBe(true);
    expect(sameOptions(undefined, {})).toBe(false);
  });
});

describe("LastAssessment", () => {
  it("answers for the inputs of the last assessment kept, and only for them", () => {
    const last = new LastAssessment<{ n: number }, string>();
    const article = {};
    expect(last.madeFrom(textA, article, undefined, { n: 1 })).toBe(false);
    expect(last.keep(textA, article, undefined, { n: 1 }, "first")).toBe("first");
    expect(last.madeFrom(textA, article, undefined, { n: 1 })).toBe(true);
    expect(last.result).toBe("first");
    expect(last.madeFrom(textB, article, undefined, { n: 1 })).toBe(false);
    expect(last.madeFrom(textA, {}, undefined, { n: 1 })).toBe(false);
    expect(last.madeFrom(textA, article, "site", { n: 1 })).toBe(false);
    expect(last.madeFrom(textA, article, undefined, { n: 2 })).toBe(false);
    last.keep(textB, article, undefined, { n: 1 }, "second");
    expect(last.madeFrom(textA, article, undefined, { n: 1 })).toBe(false);
    expect(last.result).toBe("second");
  });
});

describe("rules made from assessments", () => {
  it("a readability rule's check and its assess share one assessment per text and options", () => {
    const made: TextAnalysis[] = [];
    const rule = readabilityRule<{ max: number }>(
      { id: "readability/test", description: "", severity: "warn", presets: [], messages: { m: "m" } },
      (text) => {
        made.push(text);
        return { score: 9, reports: [] };
      },
    );
    const first = rule.assess(textA, { max: 1 });
    expect(rule.assess(textA, { max: 1 })).toBe(first);
    rule.assess(textA, { max: 2 });
    rule.assess(textB, { max: 2 });
    rule.assess(textA, { max: 2 });
    expect(made).toEqual([textA, textA, textB, textA]);
  });

  it("an SEO rule makes its assessment again when the article or site differs, and keeps none that throws", () => {
    let calls = 0;
    const rule = seoRule<{ max: number }>(
      { id: "seo/test", description: "", severity: "warn", presets: [], messages: { m: "m" } },
      (input) => {
        calls++;
        if (input.options.max < 0) throw new Error("bad options");
        return { score: 9, reports: [] };
      },
    );
    const article = articleFrom({ body: ["Text."] });
    const site = { name: "Site" };
    rule.assess({ article, text: textA, options: { max: 1 } });
    rule.assess({ article, text: textA, options: { max: 1 } });
    expect(calls).toBe(1);
    rule.assess({ article: articleFrom({ body: ["Text."] }), text: textA, options: { max: 1 } });
    expect(calls).toBe(2);
    rule.assess({ article, text: textA, options: { max: 1 }, site });
    expect(calls).toBe(3);
    expect(() => rule.assess({ article, text: textA, options: { max: -1 } })).toThrow("bad options");
    rule.assess({ article, text: textA, options: { max: 1 }, site });
    expect(calls).toBe(4);
  });
});
