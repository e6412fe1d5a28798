import { describe, expect, it } from "vitest";
import { analyzeText } from "../src/text/analyze.js";
import { fleschReadingEase } from "../src/text/flesch.js";
import { wordStems } from "../src/text/keyphrase.js";
import { LEXEME_LIMIT, lexemeCount, lexemeOf } from "../src/text/lexeme.js";
import { passiveSentences } from "../src/text/passive.js";
import { stem } from "../src/text/stem.js";
import { syllables } from "../src/text/syllables.js";
import { transitionSentences } from "../src/text/transition-words.js";
import { internWord, WORD_TABLE_LIMIT, wordTableSize } from "../src/text/word-table.js";
import { articleFrom } from "./helpers/text-fixtures.js";

describe("lexemes", () => {
  it("hang on the words, one object per norm across spellings and articles", () => {
    const a = analyzeText(articleFrom({ title: "The Title", body: ["The cat’s THE end."] }));
    expect(a.words.map((w) => w.lex.norm)).toEqual(["the", "title", "the", "cat's", "the", "end"]);
    expect(a.words[0]!.lex).toBe(a.words[4]!.lex);
    const b = analyzeText(articleFrom({ body: ["Cat's end."] }));
    expect(b.words[0]!.lex).toBe(a.words[3]!.lex);
    expect(b.words[0]!.lex).toBe(lexemeOf("cat's"));
  });

  it("keep each fact once asked: syllables, stems, passive and transition roles", () => {
    const a = analyzeText(articleFrom({ body: ["However, the report was written quickly by beautiful people."] }));
    const [however, , report, was, written] = a.words.map((w) => w.lex);
    expect([however!.syllables, report!.stem, written!.passive, however!.transition]).toEqual([-1, undefined, -1, -1]);
    fleschReadingEase(a);
    wordStems(a);
    passiveSentences(a);
    transitionSentences(a);
    expect(a.words.map((w) => w.lex.syllables)).toEqual(a.words.map((w) => syllables(w.norm)));
    expect(a.words.map((w) => w.lex.stem)).toEqual(a.words.map((w) => stem(w.norm)));
    // auxiliary 1 + clause end 2; participle 4; a single transition word 1
    expect([was!.passive, written!.passive, report!.passive, however!.transition]).toEqual([3, 4, 0, 1]);
  });

  it("answer from the kept fact, not the word lists (a fact is worked out once per run)", () => {
    const odd = lexemeOf("zqxjvk");
    odd.syllables = 40;
    odd.transition = 1;
    const a = analyzeText(articleFrom({ body: ["Zqxjvk ran home."] }));
    expect(fleschReadingEase(a)?.syllables).toBe(42);
    expect(transitionSentences(a)).toEqual([true]);
  });

  it("stay bounded: past the limit the table starts over", () => {
    lexemeOf("bounded-0");
    const before = lexemeCount();
    for (let i = 1; lexemeCount() >= before && i <= LEXEME_LIMIT; i++) lexemeOf(`bounded-${i}`);
    expect(lexemeCount()).toBe(1);
    expect(lexemeCount()).toBeLessThan(before);
  });
});

describe("word table bound", () => {
  it("starts over past its limit, and still gives one entry per spelling after", () => {
    const before = wordTableSize();
    let i = 0;
    for (; wordTableSize() >= before && i <= WORD_TABLE_LIMIT; i++) {
      const w = `w${i}x`;
      internWord(w, 0, w.length);
    }
    expect(wordTableSize()).toBe(1);
    const again = internWord("w0x", 0, 3);
    expect(internWord("aw0x", 1, 4)).toBe(again);
    expect(again.norm).toBe("w0x");
  });
});
