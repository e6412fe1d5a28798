import { describe, expect, it } from "vitest";
import { splitLines } from "./lines.js";

describe("splitLines", () => {
  it("splits LF-only text (the indexOf path), with and without a last break", () => {
    expect(splitLines("ab\n\ncd")).toEqual([
      { start: 0, end: 2, index: 0 },
      { start: 3, end: 3, index: 1 },
      { start: 4, end: 6, index: 2 },
    ]);
    expect(splitLines("\uFEFFab\n", 1)).toEqual([{ start: 1, end: 3, index: 0 }]);
  });

  it("splits CRLF and CR the same way", () => {
    expect(splitLines("ab\r\ncd\re")).toEqual([
      { start: 0, end: 2, index: 0 },
      { start: 4, end: 6, index: 1 },
      { start: 7, end: 8, index: 2 },
    ]);
  });
});
