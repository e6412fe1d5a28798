import { describe, expect, it } from "vitest";
import type { Article } from "../src/model/article.js";
import { analyzeText } from "../src/text/analyze.js";
import type { Word } from "../src/text/types.js";
import { WordToken } from "../src/text/word-token.js";
import { articleFrom } from "./helpers/text-fixtures.js";

describe("analyzeText", () => {
  const article = articleFrom({
    title: "Growing Tomatoes",
    body: [
      { h: 2, text: "Soil first" },
      "Tomatoes like warm soil. Dr. Reyes waters them daily.",
      { list: ["Stake the stems.", "Pinch side shoots"] },
    ],
    faq: [["When do I plant?", "Plant after frost. Wait for warm nights."]],
  });
  const t = analyzeText(article);
  const src = article.source.text;

  it("builds one segment per visible part, in reading order", () => {
    expect(t.segments.map((s) => [s.kind, s.index, s.sentenceCount, s.wordCount])).toEqual([
      ["title", -1, 1, 2],
      ["heading", 0, 1, 2],
      ["paragraph", 1, 2, 9],
      ["list-item", 2, 1, 3],
      ["list-item", 2, 1, 3],
      ["faq-question", 0, 1, 4],
      ["faq-answer", 0, 2, 7],
    ]);
    expect(t.segments[1]?.level).toBe(2);
    expect(t.segments[4]?.item).toBe(1);
    expect(t.body).toEqual({ segment: 1, sentence: 1, word: 2 });
  });

  it("gives sentences and words exact source offsets", () => {
    const texts = t.sentences.map((s) => src.slice(s.start, s.end));
    expect(texts).toEqual(t.sentences.map((s) => s.text));
    expect(texts).toEqual([
      "Growing Tomatoes",
      "Soil first",
      "Tomatoes like warm soil.",
      "Dr. Reyes waters them daily.",
      "Stake the stems.",
      "Pinch side shoots",
      "When do I plant?",
      "Plant after frost.",
      "Wait for warm nights.",
    ]);
    for (const w of t.words) expect(src.slice(w.start, w.end)).toBe(w.text);
    const dr = t.words.find((w) => w.text === "Dr");
    expect(dr?.sentence).toBe(3);
    expect(t.sentences[3]?.firstWord).toBe(t.words.indexOf(dr!));
  });

  it("makes every word with the one constructor, fields in the literal's order", () => {
    for (const w of t.words) expect(w).toBeInstanceOf(WordToken);
    const dr = t.words.find((w) => w.text === "Dr") as Word;
    expect(Object.keys(dr)).toEqual(["start", "end", "text", "norm", "sentence", "lex"]);
    expect([dr.start, dr.end, dr.norm, dr.sentence, dr.lex.norm]).toEqual([
      src.indexOf("Dr."),
      src.indexOf("Dr.") + 2,
      "dr",
      3,
      "dr",
    ]);
  });

  it("detects the language when metadata has none, and prefers metadata", () => {
    expect(t.lang).toBe("en");
    expect(t.langSource).toBe("default"); // too few stop words to tell
    const es = analyzeText(articleFrom({ lang: "es-MX", body: ["Hola."] }));
    expect([es.lang, es.langSource]).toEqual(["es", "article"]);
    const detected = analyzeText(
      articleFrom({ body: ["El jardín de la casa tiene los tomates que se riegan por la mañana y en la tarde."] }),
    );
    expect([detected.lang, detected.langSource]).toEqual(["es", "detected"]);
  });

  it("maps offsets through TextPart maps (markup stripped)", () => {
    // source: "Use **bold** text. Next one." — the model text drops the asterisks
    const source = "Use **bold** text. Next one.";
    const article: Article = {
      source: { path: "m.md", text: source, format: "markdown" },
      format: "markdown",
      meta: {},
      blocks: [
        {
          kind: "paragraph",
          span: { start: 0, end: source.length },
          content: {
            text: "Use bold text. Next one.",
            span: { start: 0, end: source.length },
            map: [
              [0, 0, 4],
              [4, 6, 4],
              [8, 12, 16],
            ],
          },
        },
      ],
      faq: [],
      jsonld: [],
      readNotes: [],
    };
    const a = analyzeText(article);
    expect(a.words.map((w) => source.slice(w.start, w.end))).toEqual(["Use", "bold", "text", "Next", "one"]);
    expect(a.sentences.map((s) => source.slice(s.start, s.end))).toEqual(["Use **bold** text.", "Next one."]);
  });

  it("holds exactly its words, in order, whether the text has more words than its length suggests or fewer", () => {
    // one-letter words: more words than chars / 5, the array grows past its first size; long words: fewer, it is cut
    for (const [body, count] of [
      ["a b c d e f g h i j k l m n o p q r s t u v w x y z.", 26],
      ["Extraordinarily incomprehensible characteristics.", 3],
    ] as const) {
      const a = analyzeText(articleFrom({ body: [body] }));
      expect(a.words.length).toBe(count);
      expect(Object.keys(a.words).length).toBe(count);
      expect(a.words.map((w) => w.text).join(" ")).toBe(body.slice(0, -1));
      expect(a.sentences[0]?.wordCount).toBe(count);
    }
  });

  it("splits each part on its own when parts going through ICU (an unlisted char, …) sit between ASCII ones", () => {
    const a = analyzeText(
      articleFrom({
        title: "T. one",
        body: ["One two. Three.", "Wait\u2026 here. Next one.", { h: 2, text: "H? i" }, "Last. Done."],
      }),
    );
    expect(a.sentences.map((s) => [s.text, s.segment, s.firstWord, s.wordCount])).toEqual([
      ["T. one", 0, 0, 2],
      ["One two.", 1, 2, 2],
      ["Three.", 1, 4, 1],
      ["Wait\u2026 here.", 2, 5, 2],
      ["Next one.", 2, 7, 2],
      ["H? i", 3, 9, 2],
      ["Last.", 4, 11, 1],
      ["Done.", 4, 12, 1],
    ]);
  });

  it("handles an empty article", () => {
    const a = analyzeText(articleFrom({ body: [] }));
    expect([a.words.length, a.sentences.length, a.segments.length]).toEqual([0, 0, 0]);
    expect(a.body).toEqual({ segment: 0, sentence: 0, word: 0 });
  });
});
