import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readArticle } from "../src/read/index.js";
import { articleView } from "../src/read/view.js";
import { hasShared, readShared, SEED_PATH, sharedSkipReason } from "./helpers/shared.js";

const print = (text: string, path: string) => `${JSON.stringify(articleView(readArticle({ path, text })), null, 2)}\n`;

describe("json model reader", () => {
  for (const name of [
    "coffee-roasting.txt",
    "houseplant-care.txt",
    "knee-pain-after-running.md",
    "budgeting-irregular-income.html",
  ]) {
    it(`inspect JSON of ${name} reads back to byte-identical JSON`, () => {
      const text = readFileSync(new URL(`../examples/${name}`, import.meta.url), "utf8");
      const once = print(text, name);
      const twice = print(once, "model.json");
      expect(twice).toBe(once);
      const back = readArticle({ path: "model.json", text: once });
      expect(back.format).toBe(JSON.parse(once).format);
      expect(back.source.format).toBe("json");
    });
  }

  it("keeps spans pointing into the JSON text", () => {
    const once = print(readFileSync(new URL("../examples/coffee-roasting.txt", import.meta.url), "utf8"), "c.txt");
    const a = readArticle({ path: "m.json", text: once });
    expect(once.slice(a.title!.span.start, a.title!.span.end)).toBe(a.title!.text);
    expect(a.jsonld[0]!.position).toEqual({ line: 1, column: 1 });
  });

  if (!hasShared) console.warn(sharedSkipReason("the seed JSON round trip"));
  it.skipIf(!hasShared)("round-trips the seed", () => {
    const once = print(readShared(SEED_PATH), "seed.txt");
    expect(print(once, "seed.json")).toBe(once);
  });
});
