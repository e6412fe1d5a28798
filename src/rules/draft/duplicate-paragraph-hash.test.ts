import { describe, expect, it } from "vitest";
import { lexemeOf } from "../../text/lexeme.js";
import { lexemeHash, wordHash } from "./duplicate-paragraph.js";

describe("duplicate-paragraph word hashes", () => {
  it("are 30-bit FNV-1a of the norm", () => {
    expect(wordHash("the")).toBe(873378332);
    expect(wordHash("")).toBe(0x811c9dc5 & 0x3fffffff);
  });

  it("are worked out once per lexeme and kept on it", () => {
    const lex = lexemeOf("magnesium");
    expect(lex.hash).toBe(-1);
    expect(lexemeHash(lex)).toBe(wordHash("magnesium"));
    expect(lex.hash).toBe(wordHash("magnesium"));
    lex.hash = 7; // a kept hash is read, not worked out again
    expect(lexemeHash(lex)).toBe(7);
  });
});
