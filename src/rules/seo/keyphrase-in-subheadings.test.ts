import { describe, expect, it } from "vitest";
import { assess, filler, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { keyphraseInSubheadings } from "./keyphrase-in-subheadings.js";

const keyphrase = "prune tall tomatoes";
const p = "A short paragraph.";

function withHeadings(headings: string[], level: 2 | 3 | 4 = 2) {
  return seoArticle({ keyphrase, title: "T", body: headings.flatMap((text) => [{ h: level, text }, p]) });
}

describe("seo/keyphrase-in-subheadings", () => {
  it("is good when 30–75% of H2/H3 reflect the keyphrase (more than half its content words)", () => {
    // "pruning tomatoes": 2 of 3 content words → reflects; "tall plants": 1 of 3 → does not
    const article = withHeadings(["Pruning tomatoes", "Tall plants", "Feeding", "Why prune tall tomatoes"]);
    expect(assess(keyphraseInSubheadings, article)).toEqual({ score: 9, value: 50, reports: [] });
  });

  it("reports too few at the first subheading, with the counts", () => {
    const article = withHeadings(["Staking", "Feeding", "Tall plants", "Pruning tomatoes"]);
    expect(assess(keyphraseInSubheadings, article)).toEqual({
      score: 3,
      value: 25,
      reports: [
        {
          messageId: "few",
          data: { matches: 1, count: 4, percent: 25, keyphrase, minPercent: 30, maxPercent: 75 },
          span: spanOf(article, "Staking"),
        },
      ],
    });
  });

  it("reports too many", () => {
    const article = withHeadings(["Prune tomatoes", "Tall tomatoes", "Pruned tomato", "Tomatoes, pruned"]);
    expect(assess(keyphraseInSubheadings, article)?.reports.map((r) => r.messageId)).toEqual(["many"]);
  });

  it("counts H3 but not H4", () => {
    expect(assess(keyphraseInSubheadings, withHeadings(["Staking", "Prune tomatoes"], 3))?.value).toBe(50);
    // no H2/H3 in a short text: not applicable
    expect(assess(keyphraseInSubheadings, withHeadings(["Staking", "Prune tomatoes"], 4))).toBeUndefined();
  });

  it("flags a long text with no subheadings", () => {
    const text = filler(320);
    const article = seoArticle({ keyphrase, title: "Title", body: [text] });
    const words = text.split(" ").length;
    expect(assess(keyphraseInSubheadings, article)).toEqual({
      score: 2,
      reports: [{ messageId: "none", data: { words }, span: spanOf(article, "Title") }],
    });
  });

  it("honours the percent options", () => {
    const article = withHeadings(["Staking", "Feeding", "Tall plants", "Pruning tomatoes"]);
    expect(assess(keyphraseInSubheadings, article, { minPercent: 20 })?.score).toBe(9);
  });
});
