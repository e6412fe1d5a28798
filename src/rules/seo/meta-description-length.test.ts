import { describe, expect, it } from "vitest";
import { assess, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { textWidth } from "../../text/pixel-width.js";
import { codePoints, metaDescriptionLength } from "./meta-description-length.js";

const body = ["A short paragraph."];
const ok =
  "Learn when and how to prune tomatoes so the plants put their energy into fruit, with a simple weekly routine for beds and pots.";
const short = "Pruning tomatoes made simple.";
const long = `${ok} Includes a printable checklist for every week of summer.`;

describe("seo/meta-description-length", () => {
  it("accepts 121–156 characters", () => {
    expect(ok.length).toBeGreaterThan(120);
    expect(ok.length).toBeLessThanOrEqual(156);
    expect(assess(metaDescriptionLength, seoArticle({ description: ok, body }))).toEqual({
      score: 9,
      value: ok.length,
      reports: [],
    });
  });

  it.each([
    [short, "short", { length: short.length, min: 120, max: 156 }],
    [long, "long", { length: long.length, max: 156 }],
  ])("reports %s", (description, messageId, data) => {
    const article = seoArticle({ description, body });
    expect(assess(metaDescriptionLength, article, { maxWidth: 0 })).toEqual({
      score: 6,
      value: description.length,
      reports: [{ messageId, data, span: spanOf(article, description) }],
    });
  });

  it("counts characters, not UTF-16 units", () => {
    const emoji = `${"🍅".repeat(10)} ${ok.slice(0, 115)}`;
    expect(assess(metaDescriptionLength, seoArticle({ description: emoji, body }))?.value).toBe(126);
  });

  it("reports a description wider than the snippet (W is wide) without changing the score", () => {
    const wide = "WWWW ".repeat(30).trim();
    const article = seoArticle({ description: wide, body });
    const width = textWidth(wide, 14);
    expect(width).toBeGreaterThan(990);
    expect(assess(metaDescriptionLength, article)).toEqual({
      score: 9,
      value: wide.length,
      reports: [
        {
          messageId: "wide",
          data: { width: Math.round(width), fontSize: 14, maxWidth: 990 },
          span: spanOf(article, wide),
        },
      ],
    });
    expect(assess(metaDescriptionLength, article, { maxWidth: 0 })?.reports).toEqual([]);
  });

  it("reports a missing or blank description at the title", () => {
    const article = seoArticle({ description: " ", title: "Tomatoes", body });
    expect(assess(metaDescriptionLength, article)).toEqual({
      score: 1,
      reports: [{ messageId: "missing", span: spanOf(article, "Tomatoes") }],
    });
  });
});

describe("codePoints", () => {
  it.each([
    ["", 0],
    ["plain", 5],
    ["café — 👍🏽 ok", 12],
    ["lone \ud83d high", 11],
    ["lone \ude00 low", 10],
    ["\ud83d", 1],
    ["pair at end \ud83d\ude00", 13],
    ["\ude00\ud83d", 2],
  ])("counts %j as [...text] does: %i", (text, n) => {
    expect(codePoints(text)).toBe(n);
    expect(codePoints(text)).toBe([...text].length);
  });
});
