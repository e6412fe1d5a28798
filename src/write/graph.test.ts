import { describe, expect, it } from "vitest";
import { makeArticle } from "../../test/build-helpers.js";
import { readArticle } from "../read/index.js";
import { buildGraph, collapse, type GraphOptions, MAX_HEADLINE, siteRoot, truncateHeadline } from "./graph.js";

const site: GraphOptions["site"] = {
  url: "https://garden.example.net",
  name: "Allotment Notes",
  language: "en-GB",
  publisher: { name: "Allotment Notes Ltd", url: "https://garden.example.net/about/", logo: "/logo.png" },
  author: { name: "Config Author" },
  reviewer: { name: "Dr Rhea Ott", credentials: "MD" },
};
const opts = (over: Partial<GraphOptions> = {}): GraphOptions => ({
  site,
  pagePath: "compost/",
  health: false,
  ...over,
});

const base = {
  title: "How to Start a Compost Heap",
  meta: { title: "Compost Heap Guide", description: "Build a compost heap that breaks down in months." },
  body: ["Greens and browns in balance make compost.", "## Choosing a Spot", "Pick a shady, level spot."],
  faq: [
    ["How long does compost take?", "Six to twelve months in a cool heap."],
    ["Can I add “cooked” food?", "Leave out meat and dairy."],
  ] as Array<[string, string]>,
};

const nodes = (graph: { "@graph": readonly unknown[] }) => graph["@graph"] as Array<Record<string, any>>;
const byType = (graph: { "@graph": readonly unknown[] }, type: string) =>
  nodes(graph).filter((n) => n["@type"] === type);
const ids = (notes: Array<{ id: string }>) => notes.map((n) => n.id);

describe("buildGraph", () => {
  it("links WebSite, Organization, Person, WebPage, Article, FAQPage and BreadcrumbList by @id", () => {
    const { graph } = buildGraph(
      makeArticle({ ...base, meta: { ...base.meta, datePublished: "2025-04-01", author: "Ines Park" } }),
      opts(),
    );
    const page = "https://garden.example.net/compost/";
    expect(graph["@context"]).toBe("https://schema.org");
    expect(nodes(graph).map((n) => [n["@type"], n["@id"]])).toEqual([
      ["WebSite", "https://garden.example.net/#website"],
      ["Organization", "https://garden.example.net/#organization"],
      ["Person", `${page}#author`],
      ["WebPage", `${page}#webpage`],
      ["Article", `${page}#article`],
      ["FAQPage", `${page}#faq`],
      ["BreadcrumbList", `${page}#breadcrumb`],
    ]);
    const [article] = byType(graph, "Article");
    expect(article).toEqual({
      "@type": "Article",
      "@id": `${page}#article`,
      headline: "How to Start a Compost Heap",
      description: "Build a compost heap that breaks down in months.",
      datePublished: "2025-04-01",
      author: { "@id": `${page}#author` },
      publisher: { "@id": "https://garden.example.net/#organization" },
      mainEntityOfPage: { "@id": `${page}#webpage` },
      isPartOf: { "@id": `${page}#webpage` },
      inLanguage: "en-GB",
    });
    expect(byType(graph, "Organization")[0]).toEqual({
      "@type": "Organization",
      "@id": "https://garden.example.net/#organization",
      name: "Allotment Notes Ltd",
      url: "https://garden.example.net/about/",
      logo: {
        "@type": "ImageObject",
        "@id": "https://garden.example.net/#logo",
        url: "https://garden.example.net/logo.png",
        contentUrl: "https://garden.example.net/logo.png",
      },
    });
    expect(byType(graph, "Person")[0]).toEqual({ "@type": "Person", "@id": `${page}#author`, name: "Ines Park" });
    expect(byType(graph, "BreadcrumbList")[0]?.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Allotment Notes", item: "https://garden.example.net/" },
      { "@type": "ListItem", position: 2, name: "How to Start a Compost Heap", item: page },
    ]);
    // every @id reference points at a node in the graph
    const defined = new Set(nodes(graph).map((n) => n["@id"]));
    const refs = JSON.stringify(graph).match(/\{"@id":"[^"]+"\}/g) ?? [];
    for (const r of refs) expect(defined.has(JSON.parse(r)["@id"]) || r.includes("#logo")).toBe(true);
  });

  it("generates the FAQPage from the visible FAQ, quotes intact", () => {
    const { graph } = buildGraph(makeArticle(base), opts());
    expect(byType(graph, "FAQPage")[0]?.mainEntity).toEqual([
      {
        "@type": "Question",
        name: "How long does compost take?",
        acceptedAnswer: { "@type": "Answer", text: "Six to twelve months in a cool heap." },
      },
      {
        "@type": "Question",
        name: "Can I add “cooked” food?",
        acceptedAnswer: { "@type": "Answer", text: "Leave out meat and dairy." },
      },
    ]);
  });

  it("leaves out the FAQPage when nothing is visible, and notes draft FAQ markup it drops", () => {
    const faqLd = {
      "@type": "FAQPage",
      mainEntity: [{ "@type": "Question", name: "Hidden?", acceptedAnswer: { "@type": "Answer", text: "Yes." } }],
    };
    const { graph, notes } = buildGraph(makeArticle({ ...base, faq: [], jsonld: [faqLd] }), opts());
    expect(byType(graph, "FAQPage")).toEqual([]);
    expect(notes.find((n) => n.id === "build/faq-replaced")?.severity).toBe("info");
  });

  it("carries datePublished, author and image found only in the draft's JSON-LD, dropping empty values", () => {
    const article = makeArticle({
      ...base,
      jsonld: [
        { "@type": "Article", headline: base.title, datePublished: "", author: { "@type": "Person", name: "" } },
        {
          "@type": "Article",
          datePublished: "2025-02-03",
          author: { "@type": "Organization", name: "Plot 9 Collective" },
          image: "https://cdn.example.net/heap.jpg",
        },
      ],
    });
    const { graph, notes, facts } = buildGraph(article, opts());
    const [node] = byType(graph, "Article");
    expect(node?.datePublished).toBe("2025-02-03");
    expect(facts.author).toEqual({ type: "Organization", name: "Plot 9 Collective" });
    expect(byType(graph, "Organization").map((n) => n.name)).toEqual(["Allotment Notes Ltd", "Plot 9 Collective"]);
    expect(node?.image).toEqual({ "@id": "https://garden.example.net/compost/#primaryimage" });
    expect(byType(graph, "ImageObject")[0]?.url).toBe("https://cdn.example.net/heap.jpg");
    expect(ids(notes)).toEqual(["build/merged-articles", "build/empty-value", "build/empty-value"]);
    expect(JSON.stringify(graph)).not.toMatch(/:""/);
  });

  it("omits datePublished and says so when the draft has none", () => {
    const { graph, notes } = buildGraph(makeArticle(base), opts());
    expect(byType(graph, "Article")[0]).not.toHaveProperty("datePublished");
    expect(byType(graph, "WebPage")[0]).not.toHaveProperty("datePublished");
    expect(notes.find((n) => n.id === "build/missing-date-published")?.severity).toBe("warn");
  });

  it("keeps visible and meta facts over conflicting draft JSON-LD and reports each conflict", () => {
    const article = makeArticle({
      ...base,
      meta: { ...base.meta, datePublished: "2025-04-01", author: "Ines Park" },
      jsonld: [
        {
          "@type": "Article",
          headline: "Another Headline",
          datePublished: "2024-01-01",
          author: { name: "Someone Else" },
        },
      ],
    });
    const { graph, notes } = buildGraph(article, opts());
    const [node] = byType(graph, "Article");
    expect(node?.headline).toBe(base.title);
    expect(node?.datePublished).toBe("2025-04-01");
    const conflicts = notes.filter((n) => n.id === "build/conflict");
    expect(conflicts.map((n) => n.message)).toEqual([
      'headline: draft JSON-LD (Article) says "Another Headline" but the visible title says "How to Start a Compost Heap"; the page uses the visible title',
      'datePublished: draft JSON-LD (Article) says "2024-01-01" but the meta datePublished says "2025-04-01"; the page uses the meta datePublished',
      'author: draft JSON-LD (Article) says "Someone Else (Person)" but the meta author says "Ines Park (Person)"; the page uses the meta author',
    ]);
    // the span points at the conflicting JSON-LD block in the source
    expect(conflicts[0]?.span).toEqual(article.jsonld[0]?.span);
  });

  it("does not call a JSON-LD headline equal to the meta title a conflict, but notes the choice", () => {
    const { notes, facts } = buildGraph(
      makeArticle({ ...base, jsonld: [{ "@type": "Article", headline: "Compost Heap Guide" }] }),
      opts(),
    );
    expect(facts.headline).toBe(base.title);
    expect(ids(notes)).toContain("build/headline-is-meta-title");
    expect(ids(notes)).not.toContain("build/conflict");
  });

  it("uses the config author only when the draft names none", () => {
    expect(buildGraph(makeArticle(base), opts()).facts.author).toEqual({ type: "Person", name: "Config Author" });
    const noAuthor = buildGraph(makeArticle(base), opts({ site: { ...site, author: undefined } }));
    expect(noAuthor.facts.author).toBeUndefined();
    expect(ids(noAuthor.notes)).toContain("build/missing-author");
  });

  it("makes health pages MedicalWebPage with reviewedBy and lastReviewed on the page, not the Article", () => {
    const article = makeArticle({ ...base, meta: { ...base.meta, lastReviewed: "2025-05-05" } });
    const { graph } = buildGraph(article, opts({ health: true }));
    const page = "https://garden.example.net/compost/";
    const [webpage] = byType(graph, "MedicalWebPage");
    expect(webpage?.reviewedBy).toEqual({ "@id": `${page}#reviewer` });
    expect(webpage?.lastReviewed).toBe("2025-05-05");
    expect(byType(graph, "Person").find((p) => p["@id"] === `${page}#reviewer`)).toEqual({
      "@type": "Person",
      "@id": `${page}#reviewer`,
      name: "Dr Rhea Ott",
      honorificSuffix: "MD",
    });
    expect(byType(graph, "Article")[0]).not.toHaveProperty("reviewedBy");
    expect(byType(graph, "WebPage")).toEqual([]);
  });

  it("does not put the config reviewer on non-health pages", () => {
    const { graph } = buildGraph(makeArticle(base), opts());
    expect(JSON.stringify(graph)).not.toContain("reviewer");
  });

  it("cuts headlines over 110 characters at a word boundary with an ellipsis and reports it", () => {
    const long = `${"Composting kitchen scraps ".repeat(6)}in small urban gardens`;
    const { facts, notes } = buildGraph(makeArticle({ ...base, title: long }), opts());
    expect(facts.headline.length).toBeLessThanOrEqual(MAX_HEADLINE);
    expect(facts.headline).toBe(`${"Composting kitchen scraps ".repeat(4).trimEnd()}…`);
    expect(facts.title).toBe(long); // the visible h1 keeps every word
    expect(ids(notes)).toContain("build/headline-truncated");
  });

  it("honours an absolute canonical and refuses a javascript: image", () => {
    const { facts, notes } = buildGraph(
      makeArticle({
        ...base,
        meta: { ...base.meta, canonical: "https://other.example.org/c/", image: "javascript:alert(1)" },
      }),
      opts(),
    );
    expect(facts.pageUrl).toBe("https://other.example.org/c/");
    expect(facts.image).toBeUndefined();
    expect(ids(notes)).toContain("build/unsafe-url");
  });

  it("emits BlogPosting when asked", () => {
    const { graph } = buildGraph(makeArticle(base), opts({ articleType: "BlogPosting" }));
    expect(byType(graph, "BlogPosting")).toHaveLength(1);
    expect(byType(graph, "Article")).toHaveLength(0);
  });
});

describe("helpers", () => {
  it("truncateHeadline leaves short headlines alone", () => {
    expect(truncateHeadline("Short one")).toBe("Short one");
    expect(truncateHeadline("a".repeat(120)).length).toBe(110);
  });
  it("siteRoot joins url and basePath with one trailing slash", () => {
    expect(siteRoot({ url: "https://x.example/", basePath: "/blog/" })).toBe("https://x.example/blog/");
    expect(siteRoot({ url: "https://x.example/sub", basePath: "news" })).toBe("https://x.example/sub/news/");
    expect(siteRoot({})).toBe("https://example.com/");
  });
  it('collapse makes whitespace runs one space and trims, as replace(/\\s+/g, " ").trim() does', () => {
    const samples = [
      "",
      " ",
      "a",
      " a",
      "a ",
      "a  b",
      "a b c",
      "a\tb",
      "a\nb",
      "a\u00a0b",
      "\u3000a",
      "a\ufeff",
      "a \u2028 b",
    ];
    for (const s of samples) expect(collapse(s)).toBe(s.replace(/\s+/g, " ").trim());
    const plain = "nothing to do here";
    expect(collapse(plain)).toBe(plain);
  });
});

describe("notes on draft JSON-LD", () => {
  it("point at the conflicting value in the draft's text (found only when the note is made)", () => {
    const text = [
      '{"@context": "https://schema.org", "@type": "Article", "headline": "Tea", "datePublished": "2026-01-02", "author": {"@type": "Person", "name": "Bo"}}',
      "# Coffee",
      "Body text.",
      "===SCHEMA_JSON_START===",
      '{"meta_description": "About coffee.", "datePublished": "2026-03-04", "author": "Ann"}',
      "===SCHEMA_JSON_END===",
    ].join("\n");
    const article = readArticle({ path: "a.txt", text });
    const { notes } = buildGraph(article, { site: { url: "https://x.example" }, pagePath: "a/", health: false });
    const conflicts = notes.filter((n) => n.id === "build/conflict");
    expect(conflicts.map((n) => text.slice(n.span.start, n.span.end))).toEqual([
      '"Tea"',
      '"2026-01-02"',
      '{"@type": "Person", "name": "Bo"}',
    ]);
  });
});
