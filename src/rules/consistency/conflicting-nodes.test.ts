import { testRule } from "../../../test/helpers/rule-tester.js";
import { fixtureArticle } from "../../../test/helpers/structured-data.js";
import { conflictingNodes } from "./conflicting-nodes.js";

const node = (fields: string) => `{"@context": "https://schema.org", "@type": "Article", ${fields}}\n`;

testRule(conflictingNodes, {
  valid: [
    {
      name: "same facts, written differently",
      article: fixtureArticle(
        node(
          '"headline": "Winter “bee” care", "datePublished": "2025-02-01", "author": {"@type": "Person", "name": "Ida Berg"}',
        ) + node('"headline": "Winter \\"bee\\" care", "datePublished": "2025-02-01T08:00:00Z", "author": "Ida  Berg"'),
      ),
    },
    {
      name: "an empty value is not a conflict (jsonld/empty-value reports it)",
      article: fixtureArticle(
        node('"headline": "Bees", "datePublished": ""') + node('"headline": "Bees", "datePublished": "2025-02-01"'),
      ),
    },
  ],
  invalid: [
    {
      name: "two articles with different headlines and authors",
      article: fixtureArticle(
        node('"headline": "Winter bee care", "author": {"@type": "Person", "name": "Ida Berg"}') +
          "\nbody\n\n" +
          node('"headline": "Keeping hives warm", "author": {"@type": "Organization", "name": "Hive Desk"}'),
      ),
      errors: [
        {
          messageId: "conflict",
          data: { field: "headline", first: "Winter bee care", line: 1 },
          line: 5,
          column: 68,
          endColumn: 88,
        },
        { messageId: "conflict", data: { field: "author", second: "Hive Desk" }, line: 5, column: 100, endColumn: 146 },
      ],
    },
    {
      name: "meta block date differs from the article",
      article: fixtureArticle(`${node('"headline": "Bees", "dateModified": "2025-03-01"')}\nmodified: 2025-04-09\n`, {
        meta: { dateModified: "2025-04-09" },
      }),
      errors: [
        {
          messageId: "conflict",
          data: { field: "dateModified", firstWhere: "Article node", line: 1 },
          line: 3,
          column: 11,
          endColumn: 21,
        },
      ],
    },
  ],
});
