import { describe, expect, it } from "vitest";
import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { looksLikeJson, rawJson } from "./raw-json.js";

const leaked = bundle([
  "# Sleep Hygiene",
  "Keep a regular bedtime.",
  '{"@type": "HowTo", "name": "Sleep better"}',
  "“meta_title”: “Sleep Hygiene Guide”,",
]);

const cases: Array<[string, RuleCase]> = [
  [
    "a parsed object and a typographic key/value line",
    {
      code: leaked,
      errors: [
        { messageId: "rawJson", ...loc(leaked, '{"@type": "HowTo", "name": "Sleep better"}') },
        { messageId: "rawJson", ...loc(leaked, "“meta_title”: “Sleep Hygiene Guide”,") },
      ],
    },
  ],
  [
    "prose with quotes and colons",
    {
      code: bundle([
        "# Sleep Hygiene",
        "“Sleep hygiene”: the habits that help you sleep.",
        "[Optional] Try a warm bath.",
      ]),
      errors: [],
    },
  ],
];

testRule(rawJson, tables(cases));

describe("draft/raw-json", () => {
  it.each([
    ['{"a": 1}', true],
    ['[{"name": "x"}]', true],
    ['"headline": "Sleep",', true],
    ["},", true],
    ["}", true],
    ['"Sleep well": a guide for shift workers.', false],
    ["{Sleep} is a state, not a task.", false],
    ["[1] Smith, Sleep Journal, 2021.", false],
  ])("looksLikeJson(%s) is %s", (text, want) => {
    expect(looksLikeJson(text)).toBe(want);
  });
});
