import { describe, expect, it } from "vitest";
import { analyzeText } from "../src/text/analyze.js";
import { charsHash, internWord } from "../src/text/word-table.js";
import { lastWordHash, wordEnd, wordStart, wordsOf } from "../src/text/words.js";
import { articleFrom } from "./helpers/text-fixtures.js";

describe("internWord", () => {
  it("gives one entry per spelling, with the norm shared between spellings", () => {
    const text = "The cat saw the CAT. Don’t don't";
    const the1 = internWord(text, 0, 3);
    const the2 = internWord(text, 12, 15);
    const cat = internWord(text, 16, 19);
    expect(the1.raw).toBe("The");
    expect(the2.raw).toBe("the");
    expect(the1).not.toBe(internWord(text, 12, 15));
    expect(the1).toBe(internWord("xThe", 1, 4));
    expect(the1.norm).toBe("the");
    expect(the1.norm).toBe(the2.norm);
    expect(cat.raw).toBe("CAT");
    expect(cat.norm).toBe("cat");
    expect(internWord(text, 21, 26).norm).toBe("don't");
    expect(internWord(text, 21, 26).raw).toBe("Don’t");
    expect(internWord(text, 27, 32).norm).toBe(internWord(text, 21, 26).norm);
  });

  it("copies long words out of the text they were found in", () => {
    const text = `${"x".repeat(40)} Recommendations.`;
    const entry = internWord(text, 41, 56);
    expect(entry.raw).toBe("Recommendations");
    expect(entry.norm).toBe("recommendations");
    expect(internWord("recommendations", 0, 15).norm).toBe(entry.norm);
  });

  it("copies a pasted blob of 300,000 chars with no break in it", () => {
    const blob = "Ab".repeat(150_000);
    const entry = internWord(`see ${blob} here`, 4, 4 + blob.length);
    expect(entry.raw).toBe(blob);
    expect(entry.norm).toBe(blob.toLowerCase());
  });
});

describe("lastWordHash", () => {
  it("is the hash of the chars wordEnd took in, joiners and inner dots included", () => {
    const text = "Don’t 3.5 e.g. well-being, U.S. x";
    const found: Array<[string, boolean]> = [];
    for (let i = wordStart(text, 0, text.length); i < text.length; ) {
      const end = wordEnd(text, i, text.length);
      found.push([text.slice(i, end), lastWordHash() === charsHash(text, i, end)]);
      i = wordStart(text, end, text.length);
    }
    expect(found).toEqual([
      ["Don’t", true],
      ["3.5", true],
      ["e.g", true],
      ["well-being", true],
      ["U.S", true],
      ["x", true],
    ]);
    expect(charsHash("ab", 0, 2)).not.toBe(charsHash("ba", 0, 2));
  });
});

describe("analyzeText words", () => {
  it("keeps raw text and norms per token", () => {
    const a = analyzeText(articleFrom({ title: "Title", body: ["The Patient’s well-being, e.g. 3.5 mg. The end."] }));
    expect(a.words.map((w) => w.text)).toEqual([
      "Title",
      "The",
      "Patient’s",
      "well-being",
      "e.g",
      "3.5",
      "mg",
      "The",
      "end",
    ]);
    expect(a.words.map((w) => w.norm)).toEqual(wordsOf("Title The Patient’s well-being e.g 3.5 mg The end"));
    expect(a.words[1]!.norm).toBe(a.words[7]!.norm);
  });
});
