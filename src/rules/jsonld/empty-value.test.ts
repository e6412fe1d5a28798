import { describe, expect, it } from "vitest";
import { fixtureArticle, reported, runRule } from "../../../test/helpers/structured-data.js";
import { emptyValue } from "./empty-value.js";

describe("jsonld/empty-value", () => {
  it("is silent on filled values, 0 and false", () => {
    const src =
      '{"@context": "https://schema.org", "@type": "Article", "headline": "x", "wordCount": 0, "isAccessibleForFree": false}\n';
    expect(runRule(emptyValue, fixtureArticle(src))).toEqual([]);
  });

  it("reports empty strings, whitespace, [], {}, type-only objects and empty array items", () => {
    const src =
      '{"@context": "https://schema.org", "@type": "Article", "datePublished": "", "author": {"@type": "Person", "name": "  "}, "image": [], "publisher": {"@type": "Organization"}, "keywords": ["a", ""], "about": {}}\n';
    const reports = runRule(emptyValue, fixtureArticle(src));
    expect(reports.map((r) => [r.data?.property, reported(src, r)])).toEqual([
      ["datePublished", '""'],
      ["image", "[]"],
      ["publisher", '{"@type": "Organization"}'],
      ["keywords", '""'],
      ["about", "{}"],
      ["name", '"  "'],
    ]);
    expect(reports[0]!.span).toEqual({ start: 72, end: 74 });
  });
});
