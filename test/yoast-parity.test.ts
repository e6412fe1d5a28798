/**
 * Parity with yoastseo 3.6.0 on the project's sample draft: Yoast's figures
 * were measured with the real package (research/content-analysis.md §1). Each
 * of copydesk's figures must be within ±15% relative of Yoast's.
 */
import { describe, expect, it } from "vitest";
import { computeScores } from "../src/engine/scores.js";
import { readArticle } from "../src/read/index.js";
import { analyzeText } from "../src/text/analyze.js";
import { computeStats } from "../src/text/stats.js";
import { hasShared, readShared, SEED_PATH, sharedSkipReason } from "./helpers/shared.js";

const YOAST = {
  keyphraseCount: 8,
  longSentencePercent: 61.8,
  longParagraphCount: 5,
  passivePercent: 13.2,
  fleschReadingEase: 17.9,
  transitionPercent: 67.1,
};

if (!hasShared) console.warn(sharedSkipReason("the Yoast parity test on the seed"));

function within15(ours: number | null, yoast: number): void {
  expect(ours).not.toBeNull();
  expect(Math.abs((ours as number) - yoast) / yoast).toBeLessThanOrEqual(0.15);
}

describe.skipIf(!hasShared)("Yoast parity on the seed", () => {
  const load = () => {
    const article = readArticle({ path: SEED_PATH, text: readShared(SEED_PATH) });
    const text = analyzeText(article);
    return { article, text, stats: computeStats(article, text) };
  };

  it("finds the keyphrase as often as Yoast (8)", () => {
    const { stats } = load();
    expect(stats.keyphraseCount).toBe(YOAST.keyphraseCount);
  });

  it("counts long sentences, long paragraphs, passive voice and Flesch within ±15%", () => {
    const { stats } = load();
    within15(stats.longSentencePercent, YOAST.longSentencePercent);
    expect(stats.longParagraphCount).toBe(YOAST.longParagraphCount);
    within15(stats.passivePercent, YOAST.passivePercent);
    within15(stats.fleschReadingEase, YOAST.fleschReadingEase);
    within15(stats.transitionPercent, YOAST.transitionPercent);
  });

  it("gives Yoast's readability lights and score (30)", () => {
    const { article, text } = load();
    const scores = computeScores(article, text);
    expect(scores.readability).toBe(30);
    expect(scores.lights["readability/paragraph-length"]).toBe("red");
    expect(scores.lights["readability/sentence-length"]).toBe("red");
    expect(scores.lights["readability/passive-voice"]).toBe("orange");
    expect(scores.lights["readability/transition-words"]).toBe("green");
    expect(scores.lights["readability/subheading-distribution"]).toBe("green");
    expect(scores.lights["readability/sentence-beginnings"]).toBe("green");
  });
});
