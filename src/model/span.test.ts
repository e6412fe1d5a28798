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
});
