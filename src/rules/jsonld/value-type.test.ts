import { describe, expect, it } from "vitest";
import { fixtureArticle, reported, runRule } from "../../../test/helpers/structured-data.js";
import { valueType } from "./value-type.js";

const C = '"@context": "https://schema.org"';

describe("jsonld/value-type", () => {
  it.each([
    [`{${C}, "@type": "Article", "datePublished": "2024-05-31", "dateModified": "2024-06-01T09:30:00+02:00"}`],
    [
      `{${C}, "@type": "Article", "datePublished": "2024-05-31T09:30:00Z", "wordCount": 1200, "isAccessibleForFree": true}`,
    ],
    [`{${C}, "@type": "Article", "author": "Ana Diaz", "image": "https://ex.com/a.jpg", "url": "/relative/page"}`],
    [`{${C}, "@type": "Article", "author": {"@type": "Corporation", "name": "Acme"}, "headline": 42}`],
    [
      `{${C}, "@type": "Offer", "price": "12.50", "availability": "https://schema.org/InStock", "priceValidUntil": "2025"}`,
    ],
    [`{${C}, "@type": "Article", "datePublished": ""}`],
    [`{${C}, "@type": "Article", "author": {"@id": "#ana"}, "about": {"@type": "Role"}}`],
    [`{${C}, "@type": "Product", "isFamilyFriendly": "True", "weight": {"@type": "QuantitativeValue", "value": 2}}`],
  ])("is silent on %s", (code) => {
    expect(runRule(valueType, fixtureArticle(`${code}\n`))).toEqual([]);
  });

  it("reports non-ISO dates, objects for data types, wrong node types, numbers for dates and non-URLs", () => {
    const src = `{${C}, "@type": "Article", "datePublished": "May 3, 2024", "dateModified": {"@type": "Person"}, "author": {"@type": "Recipe"}, "dateCreated": 2024, "thumbnailUrl": "not a url"}\n`;
    const reports = runRule(valueType, fixtureArticle(src));
    expect(reports.map((r) => [r.messageId, reported(src, r)])).toEqual([
      ["notIsoDate", '"May 3, 2024"'],
      ["objectForDataType", '{"@type": "Person"}'],
      ["wrongNodeType", '{"@type": "Recipe"}'],
      ["wrongValue", "2024"],
      ["notUrl", '"not a url"'],
    ]);
    expect(reports[0]!.data).toEqual({
      property: "datePublished",
      expected: "Date (ISO 8601, 2024-05-31) or DateTime (ISO 8601, 2024-05-31T09:00:00+02:00)",
      given: 'string "May 3, 2024"',
    });
    expect(reports[2]!.data?.expected).toBe("Organization or Person");
  });
});
