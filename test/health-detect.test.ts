/**
 * isHealthArticle scans char codes instead of running a regex over the joined,
 * lower-cased text; these pin its verdicts to the regex's tokens (`[\p{L}-]+`).
 */
import { describe, expect, it } from "vitest";
import type { Article } from "../src/model/article.js";
import { analyzeText } from "../src/text/analyze.js";
import { healthEnabled, healthTally, isHealthArticle } from "../src/text/health-detect.js";
import { internWord } from "../src/text/word-table.js";
import { articleFrom } from "./helpers/text-fixtures.js";

function article(paragraphs: string[], metaTitle?: string): Article {
  const part = (text: string) => ({ text, span: { start: 0, end: text.length } });
  return {
    meta: metaTitle === undefined ? {} : { title: part(metaTitle) },
    blocks: paragraphs.map((p) => ({ kind: "paragraph", content: part(p) })),
    faq: [],
  } as unknown as Article;
}

/** The tokeniser it replaced, as the reference. */
function byRegex(a: Article): boolean {
  const texts = [a.meta.title?.text ?? "", ...a.blocks.map((b) => (b.kind === "paragraph" ? b.content.text : ""))];
  const distinct = new Set<string>();
  let hits = 0;
  let total = 0;
  const words = new Set(["pain", "doctor", "blood", "side-effects", "knee"]);
  for (const m of texts
    .join("\n")
    .toLowerCase()
    .matchAll(/[\p{L}-]+/gu)) {
    total++;
    if (words.has(m[0])) {
      hits++;
      distinct.add(m[0]);
    }
  }
  return distinct.size >= 3 && hits / Math.max(total, 1) >= 0.01;
}

const filler = (n: number) => Array.from({ length: n }, () => "word").join(" ");

describe("isHealthArticle", () => {
  it("needs three distinct health words, upper case counting as lower", () => {
    expect(isHealthArticle(article(["PAIN, Doctor and blood."]))).toBe(true);
    expect(isHealthArticle(article(["pain, pain and doctor."]))).toBe(false);
  });

  it("needs them to be 1% of the tokens: 3 in 300 passes, 3 in 301 does not", () => {
    expect(isHealthArticle(article([`pain doctor blood ${filler(297)}`]))).toBe(true);
    expect(isHealthArticle(article([`pain doctor blood ${filler(298)}`]))).toBe(false);
  });

  it("counts digits, apostrophes and dashes as separators and hyphen runs as tokens", () => {
    // "pain's" is "pain" + "s", "blood-" is not "blood", "—" separates, "--" alone is a token
    const text = `pain's doctor—knee blood- 12 -- ${filler(294)}`;
    expect(isHealthArticle(article([text]))).toBe(true);
    expect(isHealthArticle(article([`${text} extra`]))).toBe(false);
    expect(isHealthArticle(article([`${text} extra`]))).toBe(byRegex(article([`${text} extra`])));
  });

  it("keeps hyphenated health words whole and reads the meta title", () => {
    expect(isHealthArticle(article(["side-effects and knee"], "Blood"))).toBe(true);
    expect(isHealthArticle(article(["side-effects and knee"]))).toBe(false);
  });

  it("falls back to the regex for letters whose lower case is longer (İ) and agrees with it", () => {
    // "İpain" lower-cases to "i̇pain": the combining dot splits "i" from "pain"
    const a = article([`İpain doctor blood ${filler(296)}`]);
    expect(isHealthArticle(a)).toBe(true);
    const b = article([`İpain doctor blood ${filler(297)}`]);
    expect(isHealthArticle(b)).toBe(false);
    expect([isHealthArticle(a), isHealthArticle(b)]).toEqual([byRegex(a), byRegex(b)]);
  });

  it("lower-cases non-ASCII letters like the regex path (É is é, not a separator)", () => {
    expect(isHealthArticle(article([`pain doctor blood ${filler(290)} Éé ÉTÉ été`]))).toBe(true);
    expect(isHealthArticle(article([`pain doctor blood ${filler(290)} É-é x y z w v u t s`]))).toBe(false);
  });
});

describe("health tally from the text layer's words", () => {
  const plain = (t: ReturnType<typeof healthTally>) => [t.hits, t.total, [...t.distinct].sort()];
  const cases = [
    "Pain, doctor and BLOOD. The knee hurts; side-effects are rare.",
    // a hyphen run or a trailing hyphen outside any word joins or makes tokens: the part is scanned
    `pain's doctor—knee blood- 12 -- -side-effects- x`,
    // İ and Σ lower-case by context or to two units: scanned too
    "İpain doctor blood. ΣΟΣ pain.",
    // ʼ is a letter (one token with the word), ’ and ' separate; digits and marks separate
    "painʼs pain’s pain's pain2pain cafe\u0301 ﬁne Ⅻ",
    // chars the scanner's class table meets first here (outside Latin-1 and general punctuation)
    "Ωpain ☃ doctor‐knee 日本 blood ‧ pain",
  ];

  it("gives the scan's counts, part by part, headings, lists and FAQ included", () => {
    for (const body of cases) {
      const a = articleFrom({
        title: `Title ${body}`,
        body: [body, { h: 2, text: body }, { list: [body, "knee"] }],
        faq: [[body, body]],
      });
      expect(plain(healthTally(a, analyzeText(a)))).toEqual(plain(healthTally(a)));
    }
    const a = articleFrom({ title: "Knee pain", body: [cases[0]!] });
    expect(plain(healthTally(a, analyzeText(a)))).toEqual([7, 12, ["blood", "doctor", "knee", "pain", "side-effects"]]);
  });

  it("reads the analysis it is given (plus the meta title), not the article's parts", () => {
    const health = articleFrom({ body: ["Pain, doctor and blood."] });
    const other = articleFrom({ body: ["Nothing to see here."] });
    const text = analyzeText(health);
    expect([isHealthArticle(other), isHealthArticle(other, text)]).toEqual([false, true]);
    expect(plain(healthTally(article(["x"], "knee"), text))).toEqual([4, 5, ["blood", "doctor", "knee", "pain"]]);
  });

  it("works a spelling's tokens out once and keeps them on its table entry", () => {
    analyzeText(articleFrom({ body: ["Pain2pain ΣΟΣ"] }));
    expect(internWord("Pain2pain", 0, 9).health).toEqual({ tokens: 2, hits: 2, distinct: ["pain"], inContext: 0 });
    expect(internWord("ΣΟΣ", 0, 3).health).toEqual({ tokens: 0, hits: 0, distinct: [], inContext: 1 });
  });
});

describe("healthEnabled", () => {
  it("on and off decide without running detection; auto runs it", () => {
    let ran = 0;
    const detect = () => {
      ran++;
      return true;
    };
    expect(healthEnabled("on", detect)).toBe(true);
    expect(healthEnabled("off", detect)).toBe(false);
    expect(ran).toBe(0);
    expect(healthEnabled("auto", detect)).toBe(true);
    expect(ran).toBe(1);
  });
});
