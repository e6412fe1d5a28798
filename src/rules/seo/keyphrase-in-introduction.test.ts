import { describe, expect, it } from "vitest";
import { assess, lintWith, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { keyphraseInIntroduction } from "./keyphrase-in-introduction.js";

const keyphrase = "prune tomatoes";
const later = "Gardeners who prune tomatoes get earlier fruit.";

describe("seo/keyphrase-in-introduction", () => {
  it.each([
    ["Most gardeners prune tomatoes in early summer. Later paragraphs explain why.", 9, undefined],
    ["You can prune in June. Tomatoes then ripen faster.", 6, "split"],
    ["Staking comes first. Feeding comes second.", 3, "missing"],
  ])("%s → %i %s", (intro, score, messageId) => {
    const article = seoArticle({ keyphrase, title: "T", body: [{ h: 2, text: "Start here" }, intro, later] });
    const result = assess(keyphraseInIntroduction, article);
    expect(result?.score).toBe(score);
    expect(result?.reports).toEqual(
      messageId ? [{ messageId, data: { keyphrase }, span: spanOf(article, intro) }] : [],
    );
  });

  it("uses only the first paragraph, not later ones", () => {
    const article = seoArticle({ keyphrase, title: "Prune Tomatoes", body: ["Staking comes first.", later] });
    expect(lintWith(keyphraseInIntroduction, article).map((d) => d.messageId)).toEqual(["missing"]);
  });

  it("reports an article with no paragraph at its title", () => {
    const article = seoArticle({ keyphrase, title: "Prune Tomatoes", body: [{ h: 2, text: "Only a heading" }] });
    expect(assess(keyphraseInIntroduction, article)?.reports).toEqual([
      { messageId: "noParagraph", span: spanOf(article, "Prune Tomatoes") },
    ]);
  });

  it("does not apply without a keyphrase", () => {
    expect(assess(keyphraseInIntroduction, seoArticle({ title: "T", body: [later] }))).toBeUndefined();
  });
});
