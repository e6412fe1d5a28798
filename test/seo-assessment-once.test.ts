import { describe, expect, it } from "vitest";
import { lintArticle } from "../src/engine/lint.js";
import type { RunSettings } from "../src/engine/types.js";
import { type SeoInput, scored, seoRule } from "../src/rules/seo/_assessment.js";
import { analyzeText } from "../src/text/analyze.js";
import { filler, seoArticle } from "./helpers/seo-article.js";

/** An SEO rule that counts how often its assessment is really made. */
function countingRule() {
  const made: SeoInput<{ min: number; list?: number[] }>[] = [];
  const rule = seoRule<{ min: number; list?: number[] }>(
    {
      id: "seo/counting",
      description: "test",
      severity: "warn",
      presets: [],
      messages: { low: "Below {{min}}." },
    },
    (input) => {
      made.push(input);
      return scored(input.options.min, {
        messageId: "low",
        data: { min: input.options.min },
        span: { start: 0, end: 1 },
      });
    },
  );
  return { rule, made };
}

describe("seoRule: one assessment per article, shared by the rule's check and the SEO score", () => {
  const article = seoArticle({ title: "Tomatoes", keyphrase: "tomatoes", body: [filler(40)] });

  it("the score reuses what the check made, for equal options in another object", () => {
    const { rule, made } = countingRule();
    const settings: RunSettings = { now: new Date("2026-01-15T00:00:00Z"), health: "off" };
    const linted = lintArticle(article, { rules: [{ rule, severity: "warn", options: { min: 4 } }], settings });
    expect(linted.diagnostics.map((d) => d.message)).toEqual(["Below 4."]);
    const text = linted.text();
    const first = rule.assess({ article, text, options: { min: 4 }, site: undefined });
    expect(first?.score).toBe(4);
    expect(made).toHaveLength(1);
  });

  it("makes it again when the options, the site, the article or the analysis differ", () => {
    const { rule, made } = countingRule();
    const text = analyzeText(article);
    const list = [1];
    const site = { url: "https://example.com" };
    expect(rule.assess({ article, text, options: { min: 4, list }, site: undefined })?.score).toBe(4);
    expect(rule.assess({ article, text, options: { min: 4, list }, site: undefined })?.score).toBe(4);
    expect(made).toHaveLength(1);
    expect(rule.assess({ article, text, options: { min: 5, list }, site: undefined })?.score).toBe(5);
    expect(rule.assess({ article, text, options: { min: 5, list: [1] }, site: undefined })?.score).toBe(5);
    expect(rule.assess({ article, text, options: { min: 5 }, site: undefined })?.score).toBe(5);
    expect(made).toHaveLength(4);
    expect(rule.assess({ article, text, options: { min: 5 }, site })?.score).toBe(5);
    expect(made).toHaveLength(5);
    const other = { ...article };
    rule.assess({ article: other, text, options: { min: 5 }, site });
    expect(made).toHaveLength(6);
    rule.assess({ article: other, text: analyzeText(other), options: { min: 5 }, site });
    expect(made).toHaveLength(7);
    expect(made.map((input) => input.options.min)).toEqual([4, 5, 5, 5, 5, 5, 5]);
  });
});
