import { describe, expect, it } from "vitest";
import { corpusFixtures, runCorpus as run, spanOf } from "../../../test/helpers/seo-article.js";
import { duplicateMetaDescription } from "./duplicate-meta-description.js";

const { a, b, c, d } = corpusFixtures();

describe("seo/duplicate-meta-description", () => {
  it("reports shared descriptions and ignores missing ones", () => {
    const out = run(duplicateMetaDescription, [a, b, c, d]);
    expect(out.map((list) => list.map((x) => x.span))).toEqual([
      [spanOf(a, "How to prune.")],
      [],
      [spanOf(c, "How to prune.")],
      [],
    ]);
  });
});
