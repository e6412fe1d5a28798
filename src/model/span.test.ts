import { describe, expect, it } from "vitest";
import { LineIndex } from "./span.js";

describe("LineIndex line starts, shared with the last text indexed", () => {
  it("gives each text its own lines when indexes of different texts alternate", () => {
    const a = "one\ntwo\nthree";
    const b = "x\r\ny";
    const lines = (index: LineIndex) => [0, 1, 2, 3, 4, 5, 8].map((o) => index.position(o));
    const first = lines(new LineIndex(a));
    expect(first.map((p) => p.line)).toEqual([1, 1, 1, 1, 2, 2, 3]);
    expect(new LineIndex(b).lineCount).toBe(2);
    expect(new LineIndex(b).lineStart(2)).toBe(3);
    // a second index of `a` (a copy of the string, not the same object) answers as the first
    const again = new LineIndex(`${a.slice(0, 4)}${a.slice(4)}`);
    expect(lines(again)).toEqual(first);
    expect(again.lineCount).toBe(3);
    expect(new LineIndex("same length!\n").lineCount).toBe(2);
    expect(new LineIndex("same length!!").lineCount).toBe(1);
  });

  it("keeps each text's lines apart when more texts alternate than it remembers, long texts included", () => {
    // ten texts (two more than remembered), one of 3,000 lines (past the first scratch array), in two rounds
    const texts = Array.from({ length: 10 }, (_, k) => "line\n".repeat(k === 3 ? 3000 : k + 1) + `end ${k}`);
    for (let round = 0; round < 2; round++)
      texts.forEach((text, k) => {
        const index = new LineIndex(text);
        const lines = k === 3 ? 3001 : k + 2;
        expect([k, index.lineCount, index.lineStart(lines), index.position(text.length - 1)]).toEqual([
          k,
          lines,
          5 * (lines - 1),
          { line: lines, column: 5 },
        ]);
      });
  });
});
