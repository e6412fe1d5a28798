import { describe, expect, it } from "vitest";
import { formatMessage } from "../src/engine/diagnostic.js";

describe("formatMessage (templates cut once, then filled by concatenation)", () => {
  it("fills every placeholder, repeated ones too, with numbers as strings", () => {
    expect(formatMessage("{{a}} and {{b}}, then {{a}} again ({{n}}%)", { a: "x", b: "y", n: 2.5 })).toBe(
      "x and y, then x again (2.5%)",
    );
  });

  it("allows spaces inside the braces and keeps unknown names exactly as written", () => {
    expect(formatMessage("[{{ word }}] [{{  gone }}] [{{gone}}]", { word: "basil" })).toBe(
      "[basil] [{{  gone }}] [{{gone}}]",
    );
  });

  it("inserts values literally: $-patterns and braces in the data are not expanded", () => {
    expect(formatMessage("“{{text}}” at {{at}}", { text: "$& {{at}} $1", at: 3 })).toBe("“$& {{at}} $1” at 3");
  });

  it("returns templates without placeholders, or without data, unchanged; the same template twice gives the same text", () => {
    expect(formatMessage("No placeholders here.", { a: 1 })).toBe("No placeholders here.");
    expect(formatMessage("Keep {{a}}.", undefined)).toBe("Keep {{a}}.");
    expect(formatMessage("{{a}}", { a: "" })).toBe("");
    expect(formatMessage("{x}} {{ }} {{a-b}} {{a}}", { a: 1, "a-b": 2 })).toBe("{x}} {{ }} {{a-b}} 1");
    expect(formatMessage("{x}} {{ }} {{a-b}} {{a}}", { a: 7 })).toBe("{x}} {{ }} {{a-b}} 7");
  });

  it("fills a name the data holds as undefined, or inherits, like `name in data` says", () => {
    const data = { a: undefined } as unknown as Record<string, string>;
    expect(formatMessage("[{{a}}] [{{b}}]", data)).toBe("[undefined] [{{b}}]");
    expect(formatMessage("{{toString}}", {})).toBe(String(Object.prototype.toString));
  });
});
