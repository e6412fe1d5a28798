import { describe, expect, it } from "vitest";
import { keyphraseDensity } from "../src/rules/seo/keyphrase-density.js";
import { analyzeText } from "../src/text/analyze.js";
import { ruleOptions, seoAssessments, seoScore, trafficLight } from "../src/text/seo-assessments.js";
import { filler, seoArticle } from "./helpers/seo-article.js";

describe("seoAssessments", () => {
  const article = seoArticle({
    metaTitle: "Prune Tomatoes for Bigger Harvests",
    description:
      "Prune tomatoes the right way: which shoots to pinch, when to stop, and how pruning changes the size and taste of the fruit you pick.",
    keyphrase: "prune tomatoes",
    slug: "prune-tomatoes",
    title: "Prune Tomatoes for Bigger Harvests",
    body: [
      `Gardeners prune tomatoes to get bigger fruit. ${filler(320)}`,
      { h: 2, text: "When to prune tomatoes" },
      filler(40),
      { h: 2, text: "Feeding" },
      "Feed weekly.",
    ],
  });

  it("scores each applicable SEO rule on Yoast's scale, in id order", () => {
    const got = seoAssessments(article, analyzeText(article));
    expect(got.map((a) => [a.id, a.score])).toEqual([
      ["seo/image-alt", 3],
      ["seo/internal-links", 3],
      ["seo/keyphrase-density", 9],
      ["seo/keyphrase-in-introduction", 9],
      ["seo/keyphrase-in-meta-description", 9],
      ["seo/keyphrase-in-slug", 9],
      ["seo/keyphrase-in-subheadings", 9],
      ["seo/keyphrase-in-title", 9],
      ["seo/keyphrase-length", 9],
      ["seo/meta-description-length", 9],
      ["seo/outbound-links", 3],
      ["seo/single-h1", 8],
      ["seo/text-length", 9],
      ["seo/title-width", 9],
    ]);
    // Yoast's overall: round(Σ / (n·9) · 100)
    expect(seoScore(got)).toBe(Math.round((107 / (14 * 9)) * 100));
  });

  it("leaves out skipped rules and passes options through the rule's schema", () => {
    const text = analyzeText(article);
    const skip = new Set(["seo/image-alt", "seo/internal-links", "seo/outbound-links"]);
    const got = seoAssessments(article, text, { skip, options: { "seo/keyphrase-density": { min: 1 } } });
    expect(got.map((a) => a.id)).not.toContain("seo/image-alt");
    expect(got.find((a) => a.id === "seo/keyphrase-density")?.score).toBe(4);
    expect(() => ruleOptions(keyphraseDensity.meta, { min: "x" })).toThrow();
  });

  it("drops the keyphrase assessments when no keyphrase is set (keyphrase-length scores 0)", () => {
    const bare = seoArticle({ title: "Tomatoes", body: [filler(320)] });
    const got = seoAssessments(bare, analyzeText(bare));
    expect(got.filter((a) => a.id.includes("keyphrase")).map((a) => [a.id, a.score])).toEqual([
      ["seo/keyphrase-length", 0],
    ]);
  });

  it("clamps the score to 0–100 and maps scores to Yoast's lights", () => {
    expect(
      seoScore([
        { id: "x", score: -50 },
        { id: "y", score: 9 },
      ]),
    ).toBe(0);
    expect(seoScore([])).toBe(0);
    expect([9, 8, 7, 5, 4, 0].map(trafficLight)).toEqual(["green", "green", "orange", "orange", "red", "red"]);
  });
});
