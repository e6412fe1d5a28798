import { describe, expect, it } from "vitest";
import { assess, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { keyphraseInMetaDescription } from "./keyphrase-in-meta-description.js";

const body = ["A short paragraph."];
const keyphrase = "prune tomatoes";

describe("seo/keyphrase-in-meta-description", () => {
  it.each([
    ["Learn when to prune tomatoes for bigger fruit.", 9, 1, undefined],
    // word forms match: "pruning" / "tomato"
    ["Pruning a tomato plant is easy. Prune tomatoes weekly.", 9, 2, undefined],
    ["Prune tomatoes early. Prune tomatoes often. Prune tomatoes well.", 3, 3, "tooOften"],
    ["A guide to staking and feeding garden vegetables.", 3, 0, "missing"],
  ])("%s → %i (%i sentences)", (description, score, value, messageId) => {
    const article = seoArticle({ description, keyphrase, title: "T", body });
    const result = assess(keyphraseInMetaDescription, article);
    expect(result?.score).toBe(score);
    expect(result?.value).toBe(value);
    const data = messageId === "tooOften" ? { count: 3 } : { keyphrase };
    expect(result?.reports).toEqual(messageId ? [{ messageId, data, span: spanOf(article, description) }] : []);
  });

  it("needs every content word in the same sentence", () => {
    const article = seoArticle({ description: "Prune in June. Tomatoes love sun.", keyphrase, title: "T", body });
    expect(assess(keyphraseInMetaDescription, article)?.reports.map((r) => r.messageId)).toEqual(["missing"]);
  });

  it("does not apply without a description or keyphrase", () => {
    expect(assess(keyphraseInMetaDescription, seoArticle({ keyphrase, title: "T", body }))).toBeUndefined();
    expect(assess(keyphraseInMetaDescription, seoArticle({ description: "Prune tomatoes.", body }))).toBeUndefined();
  });
});
