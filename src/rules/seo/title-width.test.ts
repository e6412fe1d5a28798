import { describe, expect, it } from "vitest";
import { assess, lintWith, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { textWidth } from "../../text/pixel-width.js";
import { titleWidth } from "./title-width.js";

const body = ["A short paragraph."];
const short = "Prune Tomatoes: A Gardener’s Guide";
const long = "Pruning Indeterminate Tomatoes in Greenhouses and Raised Beds: The Complete Seasonal Guide";

describe("seo/title-width", () => {
  it("passes a title under 600 px at 20 px Arial and reports its width", () => {
    const result = assess(titleWidth, seoArticle({ metaTitle: short, body }));
    expect(result).toEqual({ score: 9, value: textWidth(short, 20), reports: [] });
    expect(result?.value).toBeLessThan(600);
  });

  it("reports a wider title at the meta title with its rounded width", () => {
    const article = seoArticle({ metaTitle: long, title: "Visible", body });
    const width = textWidth(long, 20);
    expect(width).toBeGreaterThan(600);
    expect(assess(titleWidth, article)).toEqual({
      score: 3,
      value: width,
      reports: [
        { messageId: "wide", data: { width: Math.round(width), fontSize: 20, max: 600 }, span: spanOf(article, long) },
      ],
    });
  });

  it("measures the visible title when no meta title is set", () => {
    const article = seoArticle({ title: long, body });
    expect(lintWith(titleWidth, article).map((d) => [d.messageId, d.span])).toEqual([["wide", spanOf(article, long)]]);
  });

  it("reports a page with no title at all", () => {
    const article = seoArticle({ body });
    expect(assess(titleWidth, article)).toEqual({
      score: 1,
      reports: [{ messageId: "missing", span: spanOf(article, "A short paragraph.") }],
    });
  });

  it("honours max and fontSize (the 580 px some tools use; 16 px mobile)", () => {
    const article = seoArticle({ metaTitle: long, body });
    expect(assess(titleWidth, article, { fontSize: 16, max: 600 })?.value).toBeCloseTo(textWidth(long, 16), 10);
    const mid = seoArticle({ metaTitle: "Prune Tomatoes Early for Sweeter Fruit and Stronger Vines Today", body });
    const w = textWidth("Prune Tomatoes Early for Sweeter Fruit and Stronger Vines Today", 20);
    expect(w).toBeGreaterThan(580);
    expect(w).toBeLessThan(600);
    expect(assess(titleWidth, mid)?.score).toBe(9);
    expect(assess(titleWidth, mid, { max: 580 })?.score).toBe(3);
  });
});
