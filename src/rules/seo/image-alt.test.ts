import { describe, expect, it } from "vitest";
import { assess, lintWith, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { imageAlt } from "./image-alt.js";

describe("seo/image-alt", () => {
  it("accepts images with alt text", () => {
    const article = seoArticle({ title: "T", body: ["Text.", { img: "a.jpg", alt: "A pruned tomato stem" }] });
    expect(assess(imageAlt, article)).toEqual({ score: 9, value: 1, reports: [] });
  });

  it("reports each image without alt (or with blank alt) at the image", () => {
    const article = seoArticle({
      title: "T",
      body: [{ img: "a.jpg" }, { img: "b.jpg", alt: "Cages" }, { img: "c.jpg", alt: " " }],
    });
    expect(lintWith(imageAlt, article).map((d) => [d.messageId, d.span])).toEqual([
      ["missingAlt", spanOf(article, "![](a.jpg)")],
      ["missingAlt", spanOf(article, "![ ](c.jpg)")],
    ]);
    expect(assess(imageAlt, article)?.score).toBe(6);
  });

  it("reports a text without images once, at the title", () => {
    const article = seoArticle({ title: "Tomatoes", body: ["Text."] });
    expect(assess(imageAlt, article)).toEqual({
      score: 3,
      value: 0,
      reports: [{ messageId: "noImages", span: spanOf(article, "Tomatoes") }],
    });
  });
});
