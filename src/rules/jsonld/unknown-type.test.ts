import { describe, expect, it } from "vitest";
import { fixtureArticle, reported, runRule } from "../../../test/helpers/structured-data.js";
import { unknownType } from "./unknown-type.js";

const C = '"@context": "https://schema.org"';

describe("jsonld/unknown-type", () => {
  it.each([
    [`{${C}, "@type": "NewsArticle"}`],
    [`{${C}, "@type": ["TouristAttraction", "AmusementPark"]}`],
    [`{${C}, "@type": "schema:Recipe"}`],
    [`{${C}, "@type": "https://schema.org/Recipe"}`],
    [`{"@context": {"@vocab": "https://schema.org/", "gs1": "http://gs1.org/voc/"}, "@type": "gs1:Beverage"}`],
    [`{"@context": "https://example.org/vocab", "@type": "Widget"}`],
  ])("is silent on %s", (code) => {
    expect(runRule(unknownType, fixtureArticle(`${code}\n`))).toEqual([]);
  });

  it("reports the type value with a suggestion, also inside arrays and nested nodes", () => {
    const src = `{${C}, "@type": ["Artikle", "Thing"], "author": {"@type": "Persn"}, "about": {"@type": "Xyzzyqwv"}}\n`;
    const reports = runRule(unknownType, fixtureArticle(src));
    expect(reports.map((r) => [r.messageId, reported(src, r), r.data])).toEqual([
      ["unknownSuggest", '"Artikle"', { type: "Artikle", suggestion: "Article" }],
      ["unknownSuggest", '"Persn"', { type: "Persn", suggestion: "Person" }],
      ["unknown", '"Xyzzyqwv"', { type: "Xyzzyqwv" }],
    ]);
    expect(reports[0]!.span).toEqual({ start: 45, end: 54 });
  });
});
