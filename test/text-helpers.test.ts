import { syllable } from "syllable";
import { describe, expect, it } from "vitest";
import { analyzeText } from "../src/text/analyze.js";
import { repeatedBeginnings, sentenceBeginnings } from "../src/text/beginnings.js";
import { fleschBand, fleschReadingEase } from "../src/text/flesch.js";
import { isFunctionWord } from "../src/text/function-words.js";
import { matchKeyphrase, matchKeyphraseInText, parseKeyphrase } from "../src/text/keyphrase.js";
import { isPassive, passiveSentences } from "../src/text/passive.js";
import { stem } from "../src/text/stem.js";
import { syllables } from "../src/text/syllables.js";
import { hasTransition, transitionSentences } from "../src/text/transition-words.js";
import { wordsOf } from "../src/text/words.js";
import { articleFrom } from "./helpers/text-fixtures.js";

const passive = (s: string) => {
  const w = wordsOf(s);
  return isPassive(w, 0, w.length);
};
const transition = (s: string) => {
  const w = wordsOf(s);
  return hasTransition(w, 0, w.length);
};

describe("stems and function words", () => {
  it("meets word forms at one stem", () => {
    expect(new Set(["causes", "cause", "causing", "caused"].map(stem))).toEqual(new Set(["caus"]));
    expect(stem("patient's")).toBe(stem("patients"));
  });

  it("drops function words from keyphrases like Yoast", () => {
    expect(isFunctionWord("back")).toBe(true);
    expect(isFunctionWord("pain")).toBe(false);
    expect(parseKeyphrase("how to grow tomatoes in pots").required).toEqual(["grow", "tomatoes", "pots"]);
    expect(parseKeyphrase("what is it").required).toEqual(["what", "is", "it"]);
    const exact = parseKeyphrase("“grow tomatoes”");
    expect([exact.exact, exact.stems]).toEqual([true, ["grow", "tomatoes"]]);
  });
});

describe("keyphrase matching", () => {
  it("counts per sentence: all required stems present, times the rarest one", () => {
    const t = analyzeText(
      articleFrom({
        title: "Growing tomatoes in pots",
        body: [
          "Growing tomatoes in pots is easy. A tomato grows well in a pot. Pots help.",
          "Tomatoes grow, tomatoes grow, and pots of tomatoes grow in a pot.",
        ],
      }),
    );
    const kp = parseKeyphrase("grow tomatoes in pots");
    const m = matchKeyphraseInText(t, kp);
    // s1: grow,tomato,pot ×1; s2: grow,tomato,pot ×1; s3: no; s4: grow ×3, tomato ×3, pot ×2 → 2 (title excluded)
    expect(m).toEqual({ count: 4, sentences: [1, 2, 4] });
    expect(matchKeyphraseInText(t, kp, 0, 1).count).toBe(1);
    // exact: the word sequence, as written
    expect(matchKeyphraseInText(t, parseKeyphrase("“tomatoes grow”"))).toEqual({ count: 3, sentences: [4] });
    expect(matchKeyphraseInText(t, parseKeyphrase("“pots tomatoes”")).count).toBe(0);
    expect(matchKeyphraseInText(t, parseKeyphrase("pots tomatoes")).count).toBe(4);
  });

  it("matches in free strings", () => {
    expect(matchKeyphrase("How tomato plants grow in small pots", "grow tomatoes in pots")).toBe(1);
    expect(matchKeyphrase("Tomato plants in small pots", "grow tomatoes in pots")).toBe(0);
    expect(matchKeyphrase("Jardín con tomates", "tomates", "es")).toBe(1);
  });
});

describe("passive voice", () => {
  it("finds be/get + participle, regular and irregular", () => {
    expect(passive("The fence was painted last week.")).toBe(true);
    expect(passive("The letters were written by hand.")).toBe(true);
    expect(passive("The vase got broken during the move.")).toBe(true);
    expect(passive("Seedlings are usually transplanted in spring.")).toBe(true);
  });

  it("ignores active sentences, non-participles and clause breaks", () => {
    expect(passive("We painted the fence last week.")).toBe(false);
    expect(passive("The soil is red and the bed is wide.")).toBe(false);
    expect(passive("It is a sacred place.")).toBe(false);
    expect(passive("The problem is that nobody watered it.")).toBe(false);
    expect(passive("She is the painted lady of the garden.")).toBe(false);
  });

  it("marks sentences of an analysis", () => {
    const t = analyzeText(articleFrom({ body: ["The beds were weeded. We planted beans."] }));
    expect(passiveSentences(t)).toEqual([true, false]);
  });
});

describe("transition words", () => {
  it("finds single words and multi-word phrases", () => {
    expect(transition("However, the seeds sprouted.")).toBe(true);
    expect(transition("Water them daily, for example at dawn.")).toBe(true);
    expect(transition("On the other hand, pots dry out fast.")).toBe(true);
    expect(transition("Both beans and peas like poles.")).toBe(true);
    expect(transition("Both rows need sun.")).toBe(false);
    expect(transition("Tomatoes need sun.")).toBe(false);
    expect(transition("On the other side of the fence.")).toBe(false);
  });

  it("marks sentences of an analysis", () => {
    const t = analyzeText(articleFrom({ body: ["Tomatoes need sun. Therefore, pick a bright spot."] }));
    expect(transitionSentences(t)).toEqual([false, true]);
  });
});

describe("sentence beginnings", () => {
  it("uses two words after an article and finds runs of three or more", () => {
    const t = analyzeText(
      articleFrom({
        body: ["Water the beds. Water the pots. Water the lawn. The soil dries. The sun burns. Mulch helps."],
      }),
    );
    expect(sentenceBeginnings(t)).toEqual(["water", "water", "water", "the soil", "the sun", "mulch"]);
    expect(repeatedBeginnings(t)).toEqual([{ beginning: "water", first: 0, count: 3 }]);
    expect(repeatedBeginnings(t, 4)).toEqual([]);
  });
});

describe("syllables and Flesch", () => {
  it("agrees with the syllable package on common words", () => {
    const words = wordsOf(
      "The gardener carefully measured every seedling before transplanting them into larger containers, " +
        "because healthy roots need space, water and patience; otherwise the plants become weak, stunted and " +
        "vulnerable to disease. Management of irrigation, fertilisation and temperature is beautiful work.",
    );
    const mine = words.map(syllables);
    const theirs = words.map((w) => syllable(w));
    const agree = mine.filter((n, i) => n === theirs[i]).length;
    expect(agree / words.length).toBeGreaterThanOrEqual(0.9);
    expect(Math.abs(mine.reduce((a, b) => a + b, 0) - theirs.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(2);
    expect([syllables("table"), syllables("movement"), syllables("beyond"), syllables("used")]).toEqual([2, 2, 2, 1]);
  });

  it("computes the formula on the body with headings as sentences", () => {
    const t = analyzeText(
      articleFrom({ title: "Ignored title words here", body: [{ h: 2, text: "Big cats" }, "The cat sat on the mat."] }),
    );
    const f = fleschReadingEase(t);
    // 8 words, 2 sentences, 8 syllables: 206.835 − 1.015·4 − 84.6·1 = 118.175 → clamped to 100
    expect(f).toEqual({ score: 100, band: "very easy", words: 8, sentences: 2, syllables: 8 });
    const hard = analyzeText(
      articleFrom({
        body: [
          "Comprehensive multidisciplinary rehabilitation necessitates individualized physiotherapeutic interventions.",
        ],
      }),
    );
    expect(fleschReadingEase(hard)?.score).toBe(0);
    expect(fleschReadingEase(analyzeText(articleFrom({ body: [] })))).toBeUndefined();
  });

  it("bands like Yoast", () => {
    expect([95, 85, 75, 65, 55, 35, 17.9].map(fleschBand)).toEqual([
      "very easy",
      "easy",
      "fairly easy",
      "okay",
      "fairly difficult",
      "difficult",
      "very difficult",
    ]);
  });
});
