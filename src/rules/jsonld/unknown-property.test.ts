import { describe, expect, it } from "vitest";
import { fixtureArticle, reported, runRule } from "../../../test/helpers/structured-data.js";
import { unknownProperty } from "./unknown-property.js";

const C = '"@context": "https://schema.org"';

describe("jsonld/unknown-property", () => {
  it.each([
    [`{${C}, "@type": "Article", "headline": "x", "name": "y", "@id": "#a"}`],
    [`{${C}, "@type": ["TouristAttraction", "AmusementPark"], "openingHours": "Mo-Su", "touristType": "kids"}`],
    [`{${C}, "@type": "Product", "gs1:netContent": "1 l", "http://purl.org/dc/terms/source": "x"}`],
    [
      `{${C}, "@type": "Organization", "member": {"@type": "OrganizationRole", "member": {"@type": "Person"}, "startDate": "2020"}}`,
    ],
    [`{${C}, "author": {"nonsense": 1}}`],
    [`{${C}, "@type": "Artikle", "headlin": "unknown type: left to jsonld/unknown-type"}`],
    [`{"@context": ["https://schema.org", "https://www.w3.org/ns/credentials/v2"], "@type": "Product", "issuer": "x"}`],
  ])("is silent on %s", (code) => {
    expect(runRule(unknownProperty, fixtureArticle(`${code}\n`))).toEqual([]);
  });

  it("reports the key, with the nearest name on the type", () => {
    const src = `{${C}, "@type": "Article", "headlin": "x", "author": {"@type": "Person", "headline": "y", "qqqqzzzz": 1}}\n`;
    const reports = runRule(unknownProperty, fixtureArticle(src));
    expect(reports.map((r) => [r.messageId, reported(src, r), r.data?.hint])).toEqual([
      ["unknown", '"headlin"', " Did you mean `headline`?"],
      ["notOnType", '"headline"', " Move it to a node of a type that has it, or remove it."],
      ["unknown", '"qqqqzzzz"', " Remove it or use a schema.org property."],
    ]);
    expect(reports[0]!.span).toEqual({ start: src.indexOf('"headlin"'), end: src.indexOf('"headlin"') + 9 });
    expect(reports[1]!.data?.types).toBe("Person");
  });
});
