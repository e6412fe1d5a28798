import { testRule } from "../../../test/helpers/rule-tester.js";
import { fixtureArticle } from "../../../test/helpers/structured-data.js";
import { faqRetired } from "./faq-retired.js";

testRule(faqRetired, {
  valid: [{ article: fixtureArticle('{"@context": "https://schema.org", "@type": "QAPage"}\n') }],
  invalid: [
    {
      article: fixtureArticle(
        '{"@context": "https://schema.org",\n  "@type": ["FAQPage", "WebPage"], "mainEntity": []}\n',
      ),
      errors: [{ messageId: "retired", line: 2, column: 12, endLine: 2, endColumn: 34 }],
    },
  ],
});
