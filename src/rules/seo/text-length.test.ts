import { describe, expect, it } from "vitest";
import { assess, filler, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { textLength } from "./text-length.js";

function words(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
}

describe("seo/text-length", () => {
  it.each([
    [300, 9],
    [299, 6],
    [250, 6],
    [249, 3],
    [200, 3],
    [199, -10],
    [100, -10],
    [99, -20],
  ])("%i words → %i (Yoast's bands)", (n, score) => {
    const article = seoArticle({ title: "Title", body: [words(n)] });
    const result = assess(textLength, article);
    expect(result?.score).toBe(score);
    expect(result?.value).toBe(n);
    expect(result?.reports).toEqual(
      score === 9 ? [] : [{ messageId: "short", data: { words: n, min: 300 }, span: spanOf(article, "Title") }],
    );
  });

  it("counts headings and paragraphs of the body, not the title", () => {
    const body = [{ h: 2 as const, text: "Two words" }, filler(40)];
    const article = seoArticle({ title: "Five words in this title", body });
    expect(assess(textLength, article)?.value).toBe(2 + filler(40).split(" ").length);
  });

  it("honours min (cornerstone content: 900)", () => {
    expect(assess(textLength, seoArticle({ title: "T", body: [words(600)] }), { min: 900 })?.score).toBe(3);
  });
});
