import { describe, expect, it } from "vitest";
import { corpusFixtures, runCorpus as run, spanOf } from "../../../test/helpers/seo-article.js";
import { duplicateTitle } from "./duplicate-title.js";

const { a, b, c } = corpusFixtures();

describe("seo/duplicate-title", () => {
  it("compares the meta title, else the visible title", () => {
    const out = run(duplicateTitle, [a, b, c]);
    expect(out.map((list) => list.map((x) => x.span))).toEqual([
      [spanOf(a, "Prune Tomatoes")],
      [],
      [spanOf(c, "Prune tomatoes")],
    ]);
    expect(out[2]?.[0]?.message).toContain("is also used by a.md;");
  });
});
