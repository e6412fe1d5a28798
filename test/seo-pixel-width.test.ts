import { existsSync } from "node:fs";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { textWidth, textWidthUnits } from "../src/text/pixel-width.js";

// The Debian font the table was generated from; when present the test re-measures with fontkit's
// own layout engine (kerning included), independently of the committed table.
const FONT = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
const hasFont = existsSync(FONT);
if (!hasFont) console.warn(`skipped: fontkit cross-check needs fonts-liberation2 (${FONT})`);

const samples = [
  "Tomato Pruning: A Gardener’s Guide to Bigger Harvests",
  "AVAVAV Toyota — “quoted” Wörter, façade & naïve café",
  "How to Repair a Leaking Faucet in 15 Minutes (2025 Update)",
  "Ελληνικά и кириллица: 100 % LT Yy",
  "Office affluent fjord: final fluffy waffles",
];

describe("textWidth (Arial / Liberation Sans metrics)", () => {
  it("sums Arial advances: 'a' is 1139/2048 em, space 569/2048 em", () => {
    expect(textWidthUnits("a")).toBe(1139);
    expect(textWidthUnits("a a")).toBe(1139 * 2 + 569);
    expect(textWidth("a", 20)).toBeCloseTo((1139 * 20) / 2048, 10);
  });

  it("applies kerning pairs (A+V is tighter than A then V)", () => {
    expect(textWidthUnits("AV")).toBeLessThan(textWidthUnits("A") + textWidthUnits("V"));
    expect(textWidthUnits("AV")).toBe(textWidthUnits("A") + textWidthUnits("V") - 152);
  });

  it("scales linearly with font size and is 0 for empty text", () => {
    expect(textWidth("", 20)).toBe(0);
    expect(textWidth(samples[0] as string, 16) * 20).toBeCloseTo(textWidth(samples[0] as string, 20) * 16, 8);
  });

  it("gives characters outside the font a width (ideographs one em, emoji one em)", () => {
    expect(textWidthUnits("日本")).toBe(2048 * 2);
    expect(textWidthUnits("😀")).toBe(2048);
  });

  it.skipIf(!hasFont)("matches fontkit's layout of the real font to the unit", () => {
    const font = fontkit.openSync(FONT) as fontkit.Font;
    for (const s of samples) {
      expect(textWidthUnits(s), s).toBe(font.layout(s).advanceWidth);
    }
  });
});
