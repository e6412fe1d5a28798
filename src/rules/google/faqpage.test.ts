import { testRule } from "../../../test/helpers/rule-tester.js";
import { fixtureArticle } from "../../../test/helpers/structured-data.js";
import { faqpage } from "./faqpage.js";

const page = (entities: string) =>
  fixtureArticle(`{
"@context": "https://schema.org",
"@type": "FAQPage",
"mainEntity": ${entities}
}
`);
const q = (name: string, answer: string) => `{"@type": "Question", "name": ${name}, "acceptedAnswer": ${answer}}`;

testRule(faqpage, {
  valid: [
    { article: page(`[${q('"Is the pier open?"', '{"@type": "Answer", "text": "Yes, daily."}')}]`) },
    { article: page(q('"Is the pier open?"', '{"@type": "Answer", "text": "Yes, daily."}')) },
  ],
  invalid: [
    {
      name: "no mainEntity",
      article: page("[]"),
      errors: [{ messageId: "missingMainEntity", line: 3, column: 10, endColumn: 19 }],
    },
    {
      name: "not a Question",
      article: page('[{"@type": "Answer", "text": "x"}]'),
      errors: [{ messageId: "notQuestion", line: 4, column: 16 }],
    },
    {
      name: "empty name, missing answer, empty text, two answers",
      article: page(`[
${q('""', '{"@type": "Answer", "text": "A"}')},
{"@type": "Question", "name": "Where do we park?"},
${q('"When is low tide?"', '{"@type": "Answer", "text": " "}')},
${q('"Can dogs come?"', '[{"@type": "Answer", "text": "Yes"}, {"@type": "Answer", "text": "No"}]')}
]`),
      errors: [
        { messageId: "missingName", line: 5, column: 31, endColumn: 33 },
        { messageId: "missingAnswer", data: { question: "Where do we park?" }, line: 6, column: 31 },
        {
          messageId: "missingAnswerText",
          data: { question: "When is low tide?" },
          line: 7,
          column: 98,
          endColumn: 101,
        },
        {
          messageId: "multipleAnswers",
          data: { question: "Can dogs come?", count: 2 },
          line: 8,
          column: 104,
          endColumn: 137,
        },
      ],
    },
  ],
});
