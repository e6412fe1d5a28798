import { describe, expect, it } from "vitest";
import { assess, lintWith, seoArticle, spanOf, withLinks } from "../../../test/helpers/seo-article.js";
import { classifyLinks } from "./_links.js";
import { internalLinks } from "./internal-links.js";
import { outboundLinks } from "./outbound-links.js";

const site = { url: "https://www.garden.example/" };

describe("seo/internal-links (and the link classification both link rules share)", () => {
  it("classifies relative links and links to the site's host as internal, others as outbound", () => {
    const article = withLinks([
      { text: "staking", href: "/guides/staking" },
      { text: "feeding", href: "https://garden.example/feeding" },
      { text: "the study", href: "https://journal.example/paper" },
      { text: "mail", href: "mailto:a@b.example" },
      { text: "top", href: "#top" },
    ]);
    expect(assess(internalLinks, article, {}, site)).toEqual({ score: 9, value: 2, reports: [] });
    expect(assess(outboundLinks, article, {}, site)).toEqual({ score: 9, value: 1, reports: [] });
  });

  it("uses the canonical URL's host when no site URL is configured", () => {
    const article = seoArticle({
      canonical: "https://garden.example/tomatoes",
      title: "T",
      body: [{ p: "See feeding.", links: [{ text: "feeding", href: "https://garden.example/feeding" }] }],
    });
    expect(assess(internalLinks, article)?.value).toBe(1);
    expect(assess(outboundLinks, article)?.value).toBe(0);
  });

  it("reports none found at the title", () => {
    const article = seoArticle({ title: "Tomatoes", body: ["No links here."] });
    expect(lintWith(internalLinks, article).map((d) => [d.messageId, d.span])).toEqual([
      ["none", spanOf(article, "Tomatoes")],
    ]);
    expect(lintWith(outboundLinks, article).map((d) => [d.messageId, d.span])).toEqual([
      ["none", spanOf(article, "Tomatoes")],
    ]);
  });

  it("splits an article's links once per site: the same article under another site is split again", () => {
    const article = withLinks([
      { text: "feeding", href: "https://garden.example/feeding" },
      { text: "the study", href: "https://journal.example/paper" },
    ]);
    const other = { url: "https://journal.example" };
    expect(assess(internalLinks, article, {}, site)?.value).toBe(1);
    expect(assess(internalLinks, article, {}, other)?.value).toBe(1);
    expect(assess(internalLinks, article)?.value).toBe(0);
    expect(assess(outboundLinks, article)?.value).toBe(2);
    expect(assess(outboundLinks, article, {}, site)?.value).toBe(1);
    const links = classifyLinks(article, other);
    expect(classifyLinks(article, other)).toBe(links);
    expect(links.internal.map((l) => l.href)).toEqual(["https://journal.example/paper"]);
    expect(classifyLinks(article, site).internal.map((l) => l.href)).toEqual(["https://garden.example/feeding"]);
  });
});
