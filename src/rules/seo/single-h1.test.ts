import { describe, expect, it } from "vitest";
import { assess, lintWith, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { singleH1 } from "./single-h1.js";

describe("seo/single-h1", () => {
  it("accepts a title and H2s", () => {
    const article = seoArticle({ title: "Tomatoes", body: [{ h: 2, text: "Pruning" }, "Text."] });
    expect(assess(singleH1, article)).toEqual({ score: 8, reports: [] });
  });

  it("flags every body H1 when the title is the H1", () => {
    const article = seoArticle({
      title: "Tomatoes",
      body: [{ h: 1, text: "Pruning" }, "Text.", { h: 1, text: "Feeding" }],
    });
    expect(lintWith(singleH1, article).map((d) => [d.messageId, d.span])).toEqual([
      ["extra", spanOf(article, "Pruning")],
      ["extra", spanOf(article, "Feeding")],
    ]);
    expect(assess(singleH1, article)?.score).toBe(1);
  });

  it("lets the first body H1 stand in for a missing title", () => {
    const article = seoArticle({ body: [{ h: 1, text: "Pruning" }, "Text.", { h: 1, text: "Feeding" }] });
    expect(assess(singleH1, article)?.reports).toEqual([{ messageId: "extra", span: spanOf(article, "Feeding") }]);
  });
});
