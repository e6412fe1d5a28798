import { describe, expect, it } from "vitest";
import { computeScores, readabilityScore } from "../src/engine/scores.js";
import { analyzeText } from "../src/text/analyze.js";
import { computeStats } from "../src/text/stats.js";
import { articleFrom, paragraphOf } from "./helpers/text-fixtures.js";

describe("computeStats", () => {
  const article = articleFrom({
    title: "Growing tomatoes in pots",
    keyphrase: "grow tomatoes in pots",
    body: [
      { h: 2, text: "Pots and soil" },
      "Growing tomatoes in pots is easy. The pots were filled with compost. However, water them daily.",
      paragraphOf(60, 60, 31),
    ],
  });
  const stats = computeStats(article, analyzeText(article));

  it("counts body words and sentences, headings included, title excluded", () => {
    // heading 3 + paragraph 16 + long paragraph 151 = 170 words; 1 + 3 + 3 = 7 sentences
    expect(stats).toEqual({
      words: 170,
      sentences: 7,
      keyphraseCount: 1,
      keyphraseDensity: 0.59,
      fleschReadingEase: stats.fleschReadingEase,
      longSentencePercent: 42.9,
      longParagraphCount: 1,
      passivePercent: 14.3,
      transitionPercent: 14.3,
      readingTimeMinutes: 1,
    });
    expect(stats.fleschReadingEase).toBeGreaterThan(0);
    expect(stats.fleschReadingEase).toBeLessThan(100);
  });

  it("gives null for figures that need a keyphrase or English", () => {
    const es = articleFrom({ lang: "es", body: ["El jardín tiene tomates. Los riego cada día."] });
    expect(computeStats(es, analyzeText(es))).toEqual({
      words: 8,
      sentences: 2,
      keyphraseCount: null,
      keyphraseDensity: null,
      fleschReadingEase: null,
      longSentencePercent: 0,
      longParagraphCount: 0,
      passivePercent: null,
      transitionPercent: null,
      readingTimeMinutes: 1,
    });
  });

  it("estimates reading time at 238 words a minute", () => {
    const long = articleFrom({ body: Array(5).fill(paragraphOf(50, 50)) }); // 500 words → 2.1 min
    expect(computeStats(long, analyzeText(long)).readingTimeMinutes).toBe(3);
  });
});

describe("computeScores", () => {
  it("maps penalty points to Yoast's 30/60/90", () => {
    expect([0, 3, 4, 5, 6, 9].map((p) => readabilityScore(p, true))).toEqual([90, 90, 60, 60, 30, 30]);
    expect([0, 2, 3, 4].map((p) => readabilityScore(p, false))).toEqual([90, 60, 60, 30]);
  });

  it("lights every applicable assessment and leaves Flesch out of the readability score", () => {
    const article = articleFrom({
      title: "Pots",
      body: [{ h: 2, text: "Start" }, paragraphOf(30, 30, 30, 30, 30, 30, 30)],
    });
    const scores = computeScores(article, analyzeText(article));
    const readability = Object.fromEntries(
      Object.entries(scores.lights).filter(([id]) => id.startsWith("readability/")),
    );
    // 7 long sentences of 8 (heading counted) → red; one 210-word paragraph → red;
    // transition share 0 → red; Flesch is lit but not scored.
    expect(readability).toEqual({
      "readability/flesch-reading-ease": readability["readability/flesch-reading-ease"],
      "readability/paragraph-length": "red",
      "readability/passive-voice": "green",
      "readability/sentence-beginnings": "green",
      "readability/sentence-length": "red",
      "readability/subheading-distribution": "green",
      "readability/transition-words": "red",
    });
    expect(scores.readability).toBe(30);
    const skipped = computeScores(article, analyzeText(article), {
      skip: new Set(["readability/sentence-length", "readability/transition-words"]),
    });
    expect(skipped.readability).toBe(90);
    expect(skipped.lights["readability/sentence-length"]).toBeUndefined();
  });

  it("uses partial-support thresholds when English-only assessments cannot run", () => {
    const es = articleFrom({ lang: "es", body: [paragraphOf(160)] });
    const scores = computeScores(es, analyzeText(es));
    expect(scores.lights["readability/passive-voice"]).toBeUndefined();
    // paragraph 160 words → orange (2), one 160-word sentence → red (3): 5 ≥ 4 → 30
    expect(scores.readability).toBe(30);
  });
});
