import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const hasDist = existsSync(`${ROOT}dist/engine/scores.js`);
if (!hasDist) console.warn("skipped: bench/compare-yoast needs dist/ (run `npm run build`; `npm test` does)");

describe("bench/compare-yoast.mjs", () => {
  it.skipIf(!hasDist)("prints both tools' figures for an article as JSON, and copydesk is faster", () => {
    const r = spawnSync(
      process.execPath,
      [`${ROOT}bench/compare-yoast.mjs`, `${ROOT}examples/knee-pain-after-running.md`, "--n", "1", "--json"],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      articles: Array<{
        figures: Array<{ key: string; copydesk: number | null; yoast: number | null }>;
        speedup: number;
      }>;
    };
    expect(out.articles).toHaveLength(1);
    const article = out.articles[0]!;
    const figure = (key: string) => article.figures.find((f) => f.key === key);
    expect(article.figures.map((f) => f.key)).toEqual([
      "keyphraseCount",
      "keyphraseDensity",
      "words",
      "sentences",
      "longSentencePercent",
      "longParagraphCount",
      "passivePercent",
      "transitionPercent",
      "fleschReadingEase",
      "titleWidth",
      "seoScore",
      "readabilityScore",
    ]);
    // both tools count the same text: word counts within 1%
    const words = figure("words")!;
    expect(Math.abs((words.copydesk as number) - (words.yoast as number)) / (words.yoast as number)).toBeLessThan(0.01);
    expect(typeof figure("fleschReadingEase")?.yoast).toBe("number");
    expect(article.speedup).toBeGreaterThan(1);
  });
});
