/**
 * ASCII text skips Intl.Segmenter: asciiSentenceBreaks implements the UAX #29
 * sentence rules itself and must give ICU's boundaries exactly.
 */
import { describe, expect, it } from "vitest";
import { asciiSentenceBreaks, knownClasses, knownSentenceBreaks } from "../src/text/ascii-sentences.js";
import { splitSentences } from "../src/text/sentences.js";

const icu = new Intl.Segmenter("en", { granularity: "sentence" });
const icuEnds = (text: string) => [...icu.segment(text)].map((s) => s.index + s.segment.length);

describe("asciiSentenceBreaks", () => {
  it.each([
    ["Dr. Smith saw it. Then he left!", [4, 18, 31]],
    ["Pay 3.5 dollars. U.S. Army.", [17, 22, 27]],
    ["He said. (Yes.) no way", [9, 22]],
    ["Stop.\r\nGo.\nNow", [7, 11, 14]],
    ["a. , b. ; c.! d", [14, 15]],
    ["Wait... what? OK.", [14, 17]],
    ["", []],
  ])("%j ends segments at %j, like ICU", (text, ends) => {
    expect(asciiSentenceBreaks(text)).toEqual(ends);
    expect(icuEnds(text)).toEqual(ends);
  });

  it("agrees with Intl.Segmenter on 20,000 generated strings of terminators, closers, spaces and letters", () => {
    const alphabet = [
      "a",
      "B",
      "1",
      "\u2014",
      "\u201c",
      "\u201d",
      "\u2019",
      "\u00a0",
      "\u00e9",
      "\u00c9",
      ".",
      "!",
      "?",
      " ",
      "\n",
      "\r",
      "\t",
      '"',
      "'",
      "(",
      ")",
      ",",
      ";",
      ":",
      "-",
      "%",
      "Mr",
      "e.g",
      "U.S",
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const differing: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      let text = "";
      const length = Math.floor(next() * 16);
      for (let q = 0; q < length; q++) text += alphabet[Math.floor(next() * alphabet.length)];
      if (asciiSentenceBreaks(text).join() !== icuEnds(text).join()) differing.push(text);
    }
    expect(differing).toEqual([]);
  });

  it("agrees with Intl.Segmenter on every ASCII and known non-ASCII character around terminators", () => {
    const chars = [
      ...Array.from({ length: 128 }, (_, c) => c),
      0xa0,
      0xab,
      0xbb,
      0x2013,
      0x2014,
      0x2018,
      0x2019,
      0x201c,
      0x201d,
    ];
    for (let c = 0xc0; c <= 0xff; c++) if (c !== 0xd7 && c !== 0xf7) chars.push(c);
    const differing: string[] = [];
    for (const code of chars) {
      const ch = String.fromCharCode(code);
      for (const text of [
        `a.${ch}b`,
        `a. ${ch}b`,
        `a.${ch} b`,
        `A.${ch}B`,
        `a?${ch}b`,
        `a. ${ch}B`,
        `x${ch}y`,
        `a.)${ch} c`,
      ]) {
        if (knownClasses(text) && asciiSentenceBreaks(text).join() !== icuEnds(text).join()) differing.push(text);
      }
    }
    expect(differing).toEqual([]);
  });

  it("knownSentenceBreaks sees every char: false exactly when a class is unknown, else asciiSentenceBreaks' ends", () => {
    const alphabet = ["a", "B", "1", ".", "?", " ", "\n", ")", ",", "\u2019", "\u2026", "\u0085", "\u4e00"];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const wrong: string[] = [];
    let unknown = 0;
    for (let k = 0; k < 20_000; k++) {
      let text = "";
      const length = Math.floor(next() * 12);
      for (let q = 0; q < length; q++) text += alphabet[Math.floor(next() * alphabet.length)];
      const ends = [-1];
      const known = knownSentenceBreaks(text, ends);
      if (!known) unknown++;
      if (known !== knownClasses(text)) wrong.push(text);
      else if (known && ends.slice(1).join() !== asciiSentenceBreaks(text).join()) wrong.push(text);
    }
    expect(wrong).toEqual([]);
    expect(unknown).toBeGreaterThan(1000);
    expect(knownSentenceBreaks("Stop.  \u2026", [])).toBe(false);
    expect(knownSentenceBreaks("Stop. Go\u2019s on.", [])).toBe(true);
  });

  it("knows the classes of ASCII, typographic quotes and dashes and Latin-1 letters, not of the rest", () => {
    expect(knownClasses("plain \u201ctext\u201d \u2014 caf\u00e9. ok")).toBe(true);
    expect(knownClasses("ellipsis\u2026")).toBe(false);
    expect(knownClasses("next line\u0085")).toBe(false);
  });
});

describe("splitSentences language tailoring", () => {
  it("keeps ICU for Greek, where ';' ends a question", () => {
    expect(splitSentences("Is it; Yes it is.", "el")).toEqual([
      [0, 6],
      [7, 17],
    ]);
    expect(splitSentences("Is it; Yes it is.", "en")).toEqual([[0, 17]]);
  });

  it("classifies tags outside the seeded primary list by their primary subtag, in any case", () => {
    const greek = [
      [0, 6],
      [7, 17],
    ];
    expect(splitSentences("Is it; Yes it is.", "EL")).toEqual(greek);
    expect(splitSentences("Is it; Yes it is.", "el-GR")).toEqual(greek);
    expect(splitSentences("Is it; Yes it is.", "EN-GB")).toEqual([[0, 17]]);
    expect(splitSentences("Is it; Yes it is.", "pt")).toEqual([[0, 17]]);
  });
});
