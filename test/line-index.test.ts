import { describe, expect, it } from "vitest";
import { located } from "../src/engine/diagnostic.js";
import { LineIndex, lastAtOrBelow } from "../src/model/span.js";

describe("LineIndex.line and located", () => {
  const source = "ab\r\ncd\ne\rf";
  const lines = new LineIndex(source);

  it("finds the 1-based line by binary search over LF, CRLF and CR line ends", () => {
    expect([0, 1, 2, 3, 4, 6, 7, 8, 9, 10].map((o) => lines.line(o))).toEqual([1, 1, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(lines.lineCount).toBe(4);
  });

  it("finds LF-only line starts the same way (the indexOf path), empty lines and a final break included", () => {
    const lf = new LineIndex("ab\n\ncd\n");
    expect([0, 2, 3, 4, 6, 7].map((o) => lf.line(o))).toEqual([1, 1, 2, 3, 3, 4]);
    expect([1, 2, 3, 4].map((l) => lf.lineStart(l))).toEqual([0, 3, 4, 7]);
    expect(lf.lineCount).toBe(4);
    expect(new LineIndex("").lineCount).toBe(1);
  });

  it("stamps line/column of both span ends, keys in the reporters' order", () => {
    const head = { ruleId: "x/y", severity: "warn", messageId: "m", message: "M", url: "u" } as const;
    const d = located(head, { start: 5, end: 9 }, lines);
    expect(d).toEqual({ ...head, span: { start: 5, end: 9 }, line: 2, column: 2, endLine: 4, endColumn: 1 });
    expect(Object.keys(d)).toEqual([
      "ruleId",
      "severity",
      "messageId",
      "message",
      "url",
      "span",
      "line",
      "column",
      "endLine",
      "endColumn",
    ]);
  });
});

describe("lastAtOrBelow", () => {
  it.each([
    [[0], 5, 0],
    [[0, 4, 9], 0, 0],
    [[0, 4, 9], 3, 0],
    [[0, 4, 9], 4, 1],
    [[0, 4, 9], 8, 1],
    [[0, 4, 9], 9, 2],
    [[0, 4, 9], 100, 2],
    [[2, 4], 1, 0],
  ])("in %j, the last element ≤ %i is at %i", (sorted, value, index) => {
    expect(lastAtOrBelow(sorted, value)).toBe(index);
  });
});
