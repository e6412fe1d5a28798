import { describe, expect, it } from "vitest";
import { runEnd } from "./html.js";

/** The character loop runEnd replaced: the reference it must agree with. */
function loopEnd(src: string, i: number, end: number): number {
  const space = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;
  while (i < end) {
    const d = src.charCodeAt(i);
    if (d === 0x26 || space(d)) {
      if (d !== 0x20 || i + 1 >= end || space(src.charCodeAt(i + 1))) break;
    }
    i++;
  }
  return i;
}

describe("runEnd (where a run of visible HTML text stops)", () => {
  it("agrees with the character loop at every start and end of random text", () => {
    const pieces = ["a", "word", " ", "  ", "\n", "\t", "\r\n", "\f", "\v", "&amp;", "&", "<", "<b>", "é", "\u00a0"];
    let seed = 3;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed >>> 16) % n;
    };
    for (let k = 0; k < 400; k++) {
      let src = "";
      const len = 1 + rand(12);
      for (let j = 0; j < len; j++) src += pieces[rand(pieces.length)];
      for (let end = 0; end <= src.length; end++)
        for (let i = 0; i <= end; i++)
          expect(runEnd(src, i, end), JSON.stringify([src, i, end])).toBe(loopEnd(src, i, end));
    }
  });

  it("keeps a single space before a word in the run, and stops before a final one", () => {
    expect(runEnd("ab cd", 1, 5)).toBe(5);
    expect(runEnd("ab cd ", 1, 6)).toBe(5);
    expect(runEnd("ab  cd", 1, 6)).toBe(2);
    expect(runEnd("ab &amp; c", 1, 10)).toBe(3);
  });
});
