import { testRule } from "../../../test/helpers/rule-tester.js";
import { fixtureArticle } from "../../../test/helpers/structured-data.js";
import { breadcrumb } from "./breadcrumb.js";

const list = (items: string) =>
  fixtureArticle(`{
"@context": "https://schema.org",
"@type": "BreadcrumbList",
"itemListElement": [
${items}
]
}
`);
const li = (pos: string, rest: string) => `{"@type": "ListItem", "position": ${pos}, ${rest}}`;

testRule(breadcrumb, {
  valid: [
    {
      article: list(`${li("1", '"name": "Guides", "item": "https://ex.com/guides"')},\n${li("2", '"name": "Knots"')}`),
    },
    {
      article: list(
        `${li('"1"', '"item": {"@id": "https://ex.com/a", "name": "A"}')},\n${li("2", '"name": "B", "item": "https://ex.com/b"')}`,
      ),
    },
  ],
  invalid: [
    {
      name: "a single crumb",
      article: list(li("1", '"name": "Only"')),
      errors: [{ messageId: "tooFew", data: { count: 1 }, line: 3, column: 10 }],
    },
    {
      name: "positions from 0, missing name and item",
      article: list(
        `${li("0", '"item": "https://ex.com/a"')},\n${li("2.5", '"name": "B"')},\n${li("3", '"name": "C"')}`,
      ),
      errors: [
        { messageId: "missingName", line: 5, column: 1, endColumn: 65 },
        { messageId: "position", data: { given: "0", expected: 1 }, line: 5, column: 35, endColumn: 36 },
        { messageId: "missingItem", line: 6, column: 1 },
        { messageId: "position", data: { given: "2.5", expected: 2 }, line: 6, column: 35, endColumn: 38 },
      ],
    },
  ],
});
