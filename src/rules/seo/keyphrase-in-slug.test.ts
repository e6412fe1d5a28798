import { describe, expect, it } from "vitest";
import { assess, seoArticle, spanOf } from "../../../test/helpers/seo-article.js";
import { keyphraseInSlug } from "./keyphrase-in-slug.js";

const body = ["A short paragraph."];

describe("seo/keyphrase-in-slug", () => {
  it.each([
    ["prune tomatoes", "prune-tomatoes", 9],
    ["prune tomatoes", "pruning-tomato-plants", 9],
    ["prune tomatoes", "tomato-care", 6],
    // more than two content words: more than half is enough
    ["prune tall greenhouse tomatoes", "prune-greenhouse-tomatoes", 9],
    ["prune tall greenhouse tomatoes", "tall-plants", 6],
    ["prune tomatoes", "guides/prune_tomatoes", 9],
  ])("%s in %s → %i", (keyphrase, slug, score) => {
    const article = seoArticle({ keyphrase, slug, title: "T", body });
    const result = assess(keyphraseInSlug, article);
    expect(result?.score).toBe(score);
    expect(result?.reports).toEqual(
      score === 9 ? [] : [{ messageId: "missing", data: { slug, keyphrase }, span: spanOf(article, slug) }],
    );
  });

  it("without a slug, checks the one `copydesk build` derives from the title", () => {
    const good = seoArticle({ keyphrase: "prune tomatoes", title: "When to Prune Tomatoes", body });
    expect(assess(keyphraseInSlug, good)?.reports).toEqual([]);
    const bad = seoArticle({ keyphrase: "prune tomatoes", title: "Staking Guide", body });
    expect(assess(keyphraseInSlug, bad)?.reports).toEqual([
      {
        messageId: "derived",
        data: { slug: "staking-guide", keyphrase: "prune tomatoes" },
        span: spanOf(bad, "Staking Guide"),
      },
    ]);
  });

  it("does not apply without a keyphrase, or with neither slug nor title", () => {
    expect(assess(keyphraseInSlug, seoArticle({ slug: "x", title: "T", body }))).toBeUndefined();
    expect(assess(keyphraseInSlug, seoArticle({ keyphrase: "prune", body }))).toBeUndefined();
  });
});
