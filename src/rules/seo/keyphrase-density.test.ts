import { describe, expect, it } from "vitest";
import { assess, filler, lintWith, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { analyzeText } from "../../text/analyze.js";
import { keyphraseFacts } from "./_keyphrase.js";
import { keyphraseDensity } from "./keyphrase-density.js";

const keyphrase = "prune tomatoes";
const use = "Gardeners prune tomatoes weekly.";

/** An article of `uses` keyphrase sentences plus filler; returns it with its body word count. */
function article(uses: number, fillerWords: number, kp = keyphrase) {
  const paragraphs = [filler(fillerWords), ...Array.from({ length: uses }, () => use)];
  const words = paragraphs.join(" ").split(" ").length;
  return { article: seoArticle({ keyphrase: kp, title: "T", body: paragraphs }), words };
}

describe("seo/keyphrase-density", () => {
  it("is good between 0.5% and 3% after Yoast's length weighting", () => {
    // 2 of ~200 words = 1%, weighted ×(0.7 + 2/3)
    const { article: a, words } = article(2, 195);
    expect(assess(keyphraseDensity, a)).toEqual({ score: 9, value: (2 / words) * 100, reports: [] });
  });

  it("reports a low density at the keyphrase with count, words and densities", () => {
    const { article: a, words } = article(1, 400);
    const raw = (1 / words) * 100;
    expect(assess(keyphraseDensity, a)).toEqual({
      score: 4,
      value: raw,
      reports: [
        {
          messageId: "low",
          data: {
            keyphrase,
            count: 1,
            words,
            density: raw.toFixed(2),
            weighted: (raw * (0.7 + 2 / 3)).toFixed(2),
            min: 0.5,
            max: 3,
          },
          span: spanOf(a, keyphrase),
        },
      ],
    });
  });

  it("scores over 3% (weighted) −10 and over 4% −50, like Yoast", () => {
    // 4 uses in ~140 words: 2.9% raw, 3.9% weighted
    const over = article(4, 120);
    expect(assess(keyphraseDensity, over.article)?.score).toBe(-10);
    const way = article(8, 100);
    expect(assess(keyphraseDensity, way.article)?.score).toBe(-50);
    expect(lintWith(keyphraseDensity, way.article).map((d) => d.messageId)).toEqual(["high"]);
  });

  it("counts word forms, and a sentence as often as its rarest content word", () => {
    const a = seoArticle({
      keyphrase,
      title: "T",
      body: [filler(120), "Pruning a tomato is quick; pruned tomatoes ripen, and we prune again.", "Tomatoes alone."],
    });
    // sentence 1: prune ×3 (pruning, pruned, prune), tomato ×2 → 2; "Tomatoes alone." has no prune → 0
    expect(keyphraseFacts(a, analyzeText(a))?.count).toBe(2);
  });

  it("uses counts for texts under 100 words", () => {
    const none = seoArticle({ keyphrase, title: "T", body: ["Staking matters most in June."] });
    expect(assess(keyphraseDensity, none)?.reports.map((r) => r.messageId)).toEqual(["shortLow"]);
    const many = seoArticle({ keyphrase, title: "T", body: [use, use] });
    expect(assess(keyphraseDensity, many)?.reports.map((r) => [r.messageId, r.data?.maxCount])).toEqual([
      ["shortHigh", 1],
    ]);
    const one = seoArticle({ keyphrase, title: "T", body: [use] });
    expect(assess(keyphraseDensity, one)?.score).toBe(9);
  });

  it("an exact (double-quoted) keyphrase counts only the phrase", () => {
    const a = seoArticle({ keyphrase: '"prune tomatoes"', title: "T", body: [filler(150), use, "Tomatoes we prune."] });
    expect(keyphraseFacts(a, analyzeText(a))?.count).toBe(1);
    const loose = seoArticle({ keyphrase, title: "T", body: [filler(150), use, "Tomatoes we prune."] });
    expect(keyphraseFacts(loose, analyzeText(loose))?.count).toBe(2);
  });
  it("keyphrase facts answer for the article asked about when articles alternate (only the last are kept)", () => {
    const two = seoArticle({ keyphrase, title: "T", body: [filler(150), use, use] });
    const none = seoArticle({ title: "T", body: [filler(150), use] });
    const [twoText, noneText] = [analyzeText(two), analyzeText(none)];
    const counts = [two, none, two, two].map((a) => keyphraseFacts(a, a === two ? twoText : noneText)?.count);
    expect(counts).toEqual([2, undefined, 2, 2]);
    expect(keyphraseFacts(two, twoText)).toBe(keyphraseFacts(two, twoText));
  });
});
