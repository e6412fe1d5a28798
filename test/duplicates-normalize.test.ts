import { describe, expect, it } from "vitest";
import { normalizeAnyText, normalizeForDuplicates } from "../src/rules/seo/_corpus-duplicates.js";

/** A small seeded generator (mulberry32): the same strings on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// every ASCII character, often spaces and capitals; and some that NFKC, case or the quote rules change
const ASCII = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join("");
const OFTEN = "     AZaz\t\n\r\v\f";
const OTHER = "\u00a0\u2018\u2019\u02bc\u201c\u201d\uff21\u00c9\u0130\u212a\u2003\u3000\ufb01\u00df";

describe("normalizeForDuplicates", () => {
  it("gives what the full normalization gives, on 30,000 random strings", () => {
    const next = random(7);
    const pick = (chars: string) => chars[Math.floor(next() * chars.length)] as string;
    let differ = 0;
    for (let n = 0; n < 30_000; n++) {
      let text = "";
      const length = Math.floor(next() * 24);
      // a third of them with a character outside ASCII somewhere (the other path)
      const mixed = n % 3 === 0;
      for (let i = 0; i < length; i++) {
        const r = next();
        text += r < 0.5 ? pick(OFTEN) : mixed && r > 0.9 ? pick(OTHER) : pick(ASCII);
      }
      if (normalizeForDuplicates(text) !== normalizeAnyText(text)) differ++;
    }
    expect(differ).toBe(0);
  });

  it("folds case, spacing and quote style", () => {
    expect(normalizeForDuplicates("  The  Best\tTea\n")).toBe("the best tea");
    expect(normalizeForDuplicates("A\u00a0Title")).toBe("a title");
    expect(normalizeForDuplicates("\u201cTea\u201d \u2018time\u2019")).toBe("\"tea\" 'time'");
    expect(normalizeForDuplicates("\uff34ea")).toBe("tea");
    expect(normalizeForDuplicates("Plain title")).toBe("plain title");
    expect(normalizeForDuplicates(" \t ")).toBe("");
  });
});
