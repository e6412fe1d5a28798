import { describe, expect, it } from "vitest";
import { assess, lintWith, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { keyphraseLength } from "./keyphrase-length.js";

const body = ["Pruning tomato plants lets light reach the fruit."];

describe("seo/keyphrase-length", () => {
  it.each([
    ["prune tomatoes", 9, 2],
    // function words do not count: "how", "to", "the", "in" are dropped
    ["how to prune tomatoes in the greenhouse", 9, 3],
    ["prune indeterminate tomato plants greenhouse", 6, 5],
    ["prune indeterminate heirloom tomato plants greenhouse summer pots trellis", 3, 9],
  ])("%s → score %i with %i content words", (keyphrase, score, words) => {
    const result = assess(keyphraseLength, seoArticle({ keyphrase, title: "Tomatoes", body }));
    expect(result?.score).toBe(score);
    expect(result?.value).toBe(words);
  });

  it("reports a long keyphrase at the keyphrase, with its count", () => {
    const article = seoArticle({ keyphrase: "prune indeterminate tomato plants greenhouse", title: "Tomatoes", body });
    expect(assess(keyphraseLength, article)?.reports).toEqual([
      {
        messageId: "long",
        data: { count: 5, max: 4 },
        span: spanOf(article, "prune indeterminate tomato plants greenhouse"),
      },
    ]);
  });

  it("reports a missing keyphrase once, at the title", () => {
    const article = seoArticle({ title: "Pruning Tomatoes", body });
    const diagnostics = lintWith(keyphraseLength, article);
    expect(diagnostics.map((d) => [d.messageId, d.span])).toEqual([["missing", spanOf(article, "Pruning Tomatoes")]]);
    expect(diagnostics[0]?.line).toBe(1);
  });

  it("treats a blank keyphrase as missing", () => {
    expect(assess(keyphraseLength, seoArticle({ keyphrase: "  ", title: "T", body }))?.reports[0]?.messageId).toBe(
      "missing",
    );
  });

  it("allows two more words where function words are unknown (Spanish)", () => {
    const article = seoArticle({ lang: "es", keyphrase: "cómo podar los tomates en el huerto", title: "T", body });
    expect(assess(keyphraseLength, article)?.score).toBe(6);
    const five = seoArticle({ lang: "es", keyphrase: "podar los tomates del huerto", title: "T", body });
    expect(assess(keyphraseLength, five)?.score).toBe(9);
  });

  it("honours the max option", () => {
    const article = seoArticle({ keyphrase: "prune tomato plants", title: "T", body });
    expect(assess(keyphraseLength, article, { max: 2 })?.reports[0]?.data).toEqual({ count: 3, max: 2 });
  });
});
