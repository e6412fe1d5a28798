import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { stockPhrases } from "./stock-phrases.js";

const padded = bundle([
  "# Better Sleep",
  "In today’s fast-paced world, sleep often comes last.",
  "Let us delve into the habits that help. It’s important to note that light matters.",
  "Caffeine plays a pivotal role in late nights.",
]);

const custom = bundle(["# Better Sleep", "Sleep hygiene is a game-changer and a total win for tired parents."]);

const cases: Array<[string, RuleCase]> = [
  [
    "default list, typographic apostrophes and word forms",
    {
      code: padded,
      errors: [
        { messageId: "stock", ...loc(padded, "In today’s fast-paced world") },
        { messageId: "stock", ...loc(padded, "delve into") },
        { messageId: "stock", ...loc(padded, "It’s important to note") },
        { messageId: "stock", ...loc(padded, "plays a pivotal role") },
      ],
    },
  ],
  [
    "added phrases with a wildcard",
    {
      code: custom,
      options: { add: ["a total * for"] },
      errors: [
        { messageId: "stock", ...loc(custom, "game-changer") },
        { messageId: "stock", ...loc(custom, "a total win for") },
      ],
    },
  ],
  ["a replaced list drops the defaults", { code: custom, options: { phrases: ["sleep debt"] }, errors: [] }],
  [
    "plain prose",
    {
      code: bundle(["# Better Sleep", "Go to bed at the same time each night. Keep the bedroom cool and dark."]),
      errors: [],
    },
  ],
];

testRule(stockPhrases, tables(cases));
