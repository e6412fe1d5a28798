import { testRule } from "../../../test/helpers/rule-tester.js";
import { fixtureArticle } from "../../../test/helpers/structured-data.js";
import { article } from "./article.js";

const full = (author: string) =>
  fixtureArticle(`{
"@context": "https://schema.org",
"@type": "NewsArticle",
"headline": "Tide tables for the north coast",
"image": "https://ex.com/tide.jpg",
"datePublished": "2025-03-01",
"dateModified": "2025-03-02",
"author": ${author}
}
`);

testRule(article, {
  valid: [
    { article: full('{"@type": "Person", "name": "Lena Ortiz", "url": "https://ex.com/lena"}') },
    { article: full('{"@type": "NewsMediaOrganization", "name": "Tides & Times - North", "url": "https://ex.com"}') },
    {
      article: full(
        '[{"@type": "Organization", "name": "Harbour Desk", "sameAs": "https://ex.com/desk"}, {"@id": "#p1"}]',
      ),
    },
    { article: fixtureArticle('{"@context": "https://schema.org", "@type": "Recipe", "name": "Not an article"}\n') },
  ],
  invalid: [
    {
      name: "missing recommended properties are reported at the @type",
      article: fixtureArticle(
        '{"@context": "https://schema.org",\n"@type": "BlogPosting", "headline": "Gulls", "datePublished": "2025-01-01"}\n',
      ),
      errors: [
        // same position: the engine orders by message text
        {
          messageId: "missing",
          data: { type: "BlogPosting", property: "author" },
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 23,
        },
        { messageId: "missing", data: { property: "dateModified" }, line: 2, column: 10 },
        { messageId: "missing", data: { property: "image" }, line: 2, column: 10 },
      ],
    },
    {
      name: "author as text",
      article: full('"Lena Ortiz"'),
      errors: [{ messageId: "authorNotObject", data: { name: "Lena Ortiz" }, line: 8, column: 11, endColumn: 23 }],
    },
    {
      name: "author object without type, name or url",
      article: full('{"@type": "Thing", "email": "x@ex.com"}'),
      errors: [
        { messageId: "authorName", line: 8, column: 11, endColumn: 50 },
        { messageId: "authorUrl", line: 8, column: 11 },
        { messageId: "authorType", data: { type: "Thing" }, line: 8, column: 11 },
      ],
    },
    {
      name: "author name hygiene: honorific, byline and credentials",
      article: full(
        '[{"@type": "Person", "name": "By Lena Ortiz", "url": "u"}, {"@type": "Person", "name": "Dr. Sam Lee, MD", "url": "u"}]',
      ),
      errors: [
        { messageId: "authorNameHygiene", data: { problem: 'starts with "by"' }, line: 8, column: 40, endColumn: 55 },
        {
          messageId: "authorNameHygiene",
          data: { problem: "includes an honorific" },
          line: 8,
          column: 98,
          endColumn: 115,
        },
      ],
    },
  ],
});
