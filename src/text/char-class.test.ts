import { describe, expect, it } from "vitest";
import { charClass, MAY_JOIN, TOKEN_GAP, WORD_CHAR } from "./char-class.js";
import { separatesTokens } from "./health-detect.js";
import { isWordChar } from "./words.js";

describe("charClass", () => {
  it("classes chars as the scanner's helpers do, ASCII and not, whether classified up front or on first use", () => {
    const bits = (s: string) => [...s].map((ch) => charClass(ch.charCodeAt(0)) & (WORD_CHAR | MAY_JOIN | TOKEN_GAP));
    // a, 7, space, ', ,, -, ., “, ’, ‐ (U+2010), ʼ (a letter), é, Ω, 日, ☃
    expect(bits("a7 ',-.“’‐ʼéΩ日☃")).toEqual([1, 1, 0, 2, 2, 6, 2, 0, 2, 2, 3, 1, 1, 1, 0]);
    for (let c = 0; c < 0x3000; c++) {
      const k = charClass(c);
      expect([c, (k & WORD_CHAR) !== 0]).toEqual([c, isWordChar(c)]);
      expect([c, (k & TOKEN_GAP) !== 0]).toEqual([c, !isWordChar(c) && !separatesTokens(c)]);
    }
  });
});
