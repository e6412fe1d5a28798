import { testRule } from "../../../test/helpers/rule-tester.js";
import { fixtureArticle } from "../../../test/helpers/structured-data.js";
import { faqMismatch } from "./faq-mismatch.js";

const markup = (pairs: Array<[string, string]>) =>
  `{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [\n${pairs
    .map(
      ([q, a]) =>
        `{"@type": "Question", "name": ${JSON.stringify(q)}, "acceptedAnswer": {"@type": "Answer", "text": ${JSON.stringify(a)}}}`,
    )
    .join(",\n")}\n]}\n`;
const visible =
  "\n## FAQ\n\nDo kayaks need a licence?\n\nNo, not on “inland” lakes.\n\nWhat should I wear?\n\nA buoyancy aid and  layers.\n";
const faq: Array<[string, string]> = [
  ["Do kayaks need a licence?", "No, not on “inland” lakes."],
  ["What should I wear?", "A buoyancy aid and  layers."],
];

testRule(faqMismatch, {
  valid: [
    {
      name: "same questions and answers, quotes, spacing and tags normalized",
      article: fixtureArticle(
        markup([
          ["Do kayaks need a licence?", 'No, not on "inland" lakes.'],
          ["What should I wear?", "<p>A buoyancy aid and layers.</p>"],
        ]) + visible,
        { faq },
      ),
    },
    {
      name: "no FAQPage at all",
      article: fixtureArticle(`{"@context": "https://schema.org", "@type": "Article"}\n${visible}`, { faq }),
    },
  ],
  invalid: [
    {
      name: "a marked-up question the page does not show, and a visible one the markup lacks",
      article: fixtureArticle(
        markup([
          ["Do kayaks need a licence?", "No, not on “inland” lakes."],
          ["Can I rent a paddle?", "Yes."],
        ]) + visible,
        { faq },
      ),
      errors: [
        {
          messageId: "questionNotVisible",
          data: { question: "Can I rent a paddle?" },
          line: 3,
          column: 31,
          endColumn: 53,
        },
        {
          messageId: "questionNotMarked",
          data: { question: "What should I wear?" },
          line: 12,
          column: 1,
          endColumn: 20,
        },
      ],
    },
    {
      name: "a different answer",
      article: fixtureArticle(
        markup([
          ["Do kayaks need a licence?", "Yes, always."],
          ["What should I wear?", "A buoyancy aid and layers."],
        ]) + visible,
        { faq },
      ),
      errors: [
        {
          messageId: "answerDiffers",
          data: { question: "Do kayaks need a licence?", line: 10 },
          line: 2,
          column: 106,
          endColumn: 120,
        },
      ],
    },
    {
      name: "markup without a visible FAQ",
      article: fixtureArticle(markup([["Do kayaks need a licence?", "No."]])),
      errors: [{ messageId: "noVisibleFaq", line: 1, column: 45, endColumn: 54 }],
    },
  ],
});
