import { testRule } from "../../../test/helpers/rule-tester.js";
import { fixtureArticle } from "../../../test/helpers/structured-data.js";
import { organization } from "./organization.js";

testRule(organization, {
  valid: [
    {
      article: fixtureArticle(
        '{"@context": "https://schema.org", "@type": "NGO", "name": "Reef Watch", "url": "https://ex.org", "logo": "https://ex.org/l.png"}\n',
      ),
    },
    {
      article: fixtureArticle(
        '{"@context": "https://schema.org", "@type": "Article", "publisher": {"@type": "Organization"}}\n',
      ),
    },
    { article: fixtureArticle('{"@context": "https://schema.org", "@type": "Bakery", "name": "Crumbs"}\n') },
  ],
  invalid: [
    {
      article: fixtureArticle('{"@context": "https://schema.org",\n"@type": "Organization", "name": "Reef Watch"}\n'),
      errors: [
        { messageId: "missing", data: { property: "logo" }, line: 2, column: 10, endColumn: 24 },
        { messageId: "missing", data: { property: "url" }, line: 2, column: 10 },
      ],
    },
  ],
});
