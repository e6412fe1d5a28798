import { describe, expect, it } from "vitest";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { fixtureArticle } from "../../../test/helpers/structured-data.js";
import { dates, isoTime } from "./dates.js";

const node = (fields: string) => fixtureArticle(`{"@context": "https://schema.org", "@type": "Article",\n${fields}}\n`);

describe("isoTime", () => {
  it("reads dates and date-times as UTC unless zoned, and rejects the rest", () => {
    expect(isoTime("2025-01-02")).toBe(Date.UTC(2025, 0, 2));
    expect(isoTime("2025-01-02T10:00")).toBe(Date.UTC(2025, 0, 2, 10));
    expect(isoTime("2025-01-02T10:00:00+02:00")).toBe(Date.UTC(2025, 0, 2, 8));
    expect(isoTime("Jan 2, 2025")).toBeUndefined();
  });
});

testRule(dates, {
  valid: [
    { article: node('"datePublished": "2025-01-02", "dateModified": "2025-01-02T09:00:00Z"') },
    { article: node('"datePublished": "2026-06-16"') }, // tomorrow in some time zone: within a day of now (2026-06-15)
    { article: node('"datePublished": "yesterday", "dateModified": ""') },
  ],
  invalid: [
    {
      article: node('"datePublished": "2025-03-01",\n"dateModified": "2025-02-01"'),
      errors: [
        {
          messageId: "modifiedBeforePublished",
          data: { modified: "2025-02-01", published: "2025-03-01" },
          line: 3,
          column: 17,
          endColumn: 29,
        },
      ],
    },
    {
      article: node('"datePublished": "2027-01-01"'),
      errors: [
        {
          messageId: "future",
          data: { property: "datePublished", today: "2026-06-15" },
          line: 2,
          column: 18,
          endColumn: 30,
        },
      ],
    },
    {
      name: "meta dates are checked too",
      article: fixtureArticle("published: 2026-09-01\n", { meta: { datePublished: "2026-09-01" } }),
      errors: [{ messageId: "future", line: 1, column: 12, endColumn: 22 }],
    },
  ],
});
