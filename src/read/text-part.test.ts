import { describe, expect, it } from "vitest";
import { PartBuilder } from "./text-part.js";

describe("PartBuilder", () => {
  const src = "alpha beta &amp; gamma";

  it("joins adjacent copies into one verbatim part with no map", () => {
    const b = new PartBuilder(src);
    b.copy(0, 5);
    b.copy(5, 6);
    expect(b.length).toBe(6);
    b.copy(6, 10);
    expect(b.build()).toEqual({ text: "alpha beta", span: { start: 0, end: 10 } });
  });

  it("maps copies around a gap and decoded text, counting the pending copy in the length", () => {
    const b = new PartBuilder(src);
    b.copy(0, 5);
    b.copy(5, 6);
    b.copy(11, 11); // empty: ignored
    b.decoded("&", 11, 16);
    expect(b.length).toBe(7);
    b.copy(16, 17);
    b.copy(17, 22);
    expect(b.length).toBe(13);
    expect(b.build()).toEqual({
      text: "alpha & gamma",
      span: { start: 0, end: 22 },
      map: [
        [0, 0, 6],
        [7, 16, 6],
      ],
    });
  });

  it("maps a copy that skips source text even without decoded text", () => {
    const b = new PartBuilder(src);
    b.copy(0, 6);
    b.copy(17, 22);
    expect(b.build()).toEqual({
      text: "alpha gamma",
      span: { start: 0, end: 22 },
      map: [
        [0, 0, 6],
        [6, 17, 5],
      ],
    });
  });

  it("maps decoded text that comes first, then joins the adjacent copies after it", () => {
    const b = new PartBuilder(src);
    b.decoded("&", 11, 16);
    b.copy(16, 17);
    b.copy(17, 22);
    expect(b.build()).toEqual({ text: "& gamma", span: { start: 11, end: 22 }, map: [[1, 16, 6]] });
  });

  it("gives an empty part at the fallback offset when nothing was added", () => {
    expect(new PartBuilder(src).build(4)).toEqual({ text: "", span: { start: 4, end: 4 } });
  });
});
