import { describe, expect, it } from "vitest";
import { corpusFixtures, runCorpus as run, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { duplicateKeyphrase } from "./duplicate-keyphrase.js";

const { a, b, c, d } = corpusFixtures();

describe("seo/duplicate-keyphrase", () => {
  it("reports every article sharing a keyphrase (case and spacing ignored), naming the others", () => {
    const out = run(duplicateKeyphrase, [a, b, c, d]);
    expect(out.map((list) => list.map((x) => x.span))).toEqual([
      [spanOf(a, "prune tomatoes")],
      [spanOf(b, "Prune  Tomatoes")],
      [],
      [spanOf(d, "prune tomatoes")],
    ]);
    expect(out[0]?.[0]?.message).toContain("also the focus of b.md, d.md;");
    expect(out[1]?.[0]?.message).toContain("“Prune  Tomatoes” is also the focus of a.md, d.md;");
  });

  it("names at most three others", () => {
    const many = ["1", "2", "3", "4", "5"].map((n) =>
      seoArticle({ path: `${n}.md`, keyphrase: "prune tomatoes", title: n }),
    );
    expect(run(duplicateKeyphrase, many)[0]?.[0]?.message).toContain("also the focus of 2.md, 3.md, 4.md and 1 more;");
  });

  it("is quiet when every keyphrase is distinct", () => {
    expect(run(duplicateKeyphrase, [a, c])).toEqual([[], []]);
  });
});
