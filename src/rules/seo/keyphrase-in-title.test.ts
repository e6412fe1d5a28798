import { describe, expect, it } from "vitest";
import { assess, lintWith, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { keyphraseInTitle } from "./keyphrase-in-title.js";

const body = ["A short paragraph."];
const keyphrase = "prune tomatoes";

describe("seo/keyphrase-in-title", () => {
  it.each([
    ["Prune Tomatoes: A Guide for Small Gardens", 9, undefined],
    ["How to Prune Tomatoes Without Losing Fruit", 6, "notAtStart"],
    ["Tomatoes: When and How to Prune Them", 6, "notExact"],
    ["Pruning Tomatoes the Easy Way", 6, "notExact"],
    ["Tomato Cages Compared", 2, "missing"],
  ])("%s → %i %s", (metaTitle, score, messageId) => {
    const article = seoArticle({ metaTitle, keyphrase, title: "Visible title", body });
    const result = assess(keyphraseInTitle, article);
    expect(result?.score).toBe(score);
    expect(result?.reports).toEqual(
      messageId ? [{ messageId, data: { keyphrase }, span: spanOf(article, metaTitle) }] : [],
    );
  });

  it("falls back to the visible title when no meta title is set", () => {
    const article = seoArticle({ keyphrase, title: "Why Gardeners Prune Tomatoes", body });
    const diagnostics = lintWith(keyphraseInTitle, article);
    expect(diagnostics.map((d) => [d.messageId, d.span])).toEqual([
      ["notAtStart", spanOf(article, "Why Gardeners Prune Tomatoes")],
    ]);
  });

  it("does not apply without a keyphrase or without any title", () => {
    expect(assess(keyphraseInTitle, seoArticle({ metaTitle: "Prune Tomatoes", body }))).toBeUndefined();
    expect(assess(keyphraseInTitle, seoArticle({ keyphrase, body }))).toBeUndefined();
  });

  it("folds typographic apostrophes and case when matching exactly", () => {
    const article = seoArticle({ metaTitle: "Gardener’s Pruning Guide", keyphrase: "gardener's pruning", body });
    expect(assess(keyphraseInTitle, article)?.score).toBe(9);
  });
});
