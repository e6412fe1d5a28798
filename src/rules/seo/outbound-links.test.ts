import { describe, expect, it } from "vitest";
import { assess, lintWith, seoArticle, spanOf, withLinks } from "../../../test/helpers/seo-article.js";
import { outboundLinks } from "./outbound-links.js";

const site = { url: "https://www.garden.example/" };

describe("seo/outbound-links", () => {
  it("reports none found at the title", () => {
    const article = seoArticle({
      title: "Tomatoes",
      body: [{ p: "See staking.", links: [{ text: "staking", href: "/staking" }] }],
    });
    expect(lintWith(outboundLinks, article).map((d) => [d.messageId, d.span])).toEqual([
      ["none", spanOf(article, "Tomatoes")],
    ]);
  });

  it("scores all-nofollow 7 (reported at the first link) and mixed 8", () => {
    const all = withLinks([
      { text: "one", href: "https://a.example/", rel: "nofollow" },
      { text: "two", href: "https://b.example/", rel: "sponsored noopener" },
    ]);
    expect(assess(outboundLinks, all, {}, site)).toEqual({
      score: 7,
      value: 2,
      reports: [{ messageId: "allNofollow", data: { count: 2 }, span: spanOf(all, "one") }],
    });
    const mixed = withLinks([
      { text: "one", href: "https://a.example/", rel: "nofollow" },
      { text: "two", href: "https://b.example/" },
    ]);
    expect(assess(outboundLinks, mixed, {}, site)).toEqual({ score: 8, value: 2, reports: [] });
  });
});
