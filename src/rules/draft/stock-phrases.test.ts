import { describe, expect, it } from "vitest";
import { bundle, loc, type RuleCase, TEST_NOW, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { lintArticle } from "../../engine/lint.js";
import { readArticle } from "../../read/index.js";
import { type StockPhrasesOptions, stockPhrases } from "./stock-phrases.js";

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

describe("draft/stock-phrases matcher per options object", () => {
  it("keeps each run's matcher: the same options on every article, other options their own list", () => {
    const added = stockPhrases.meta.options!.parse({ add: ["a total * for"] }) as StockPhrasesOptions;
    const defaults = stockPhrases.meta.options!.parse({}) as StockPhrasesOptions;
    const found = (code: string, options: StockPhrasesOptions) => {
      const article = readArticle({ path: "case.txt", text: code });
      const rules = [{ rule: stockPhrases, severity: "warn" as const, options }];
      return lintArticle(article, { rules, settings: { now: TEST_NOW, health: "off" } }).diagnostics.map((d) =>
        custom.slice(d.span.start, d.span.end),
      );
    };
    expect(found(custom, added)).toEqual(["game-changer", "a total win for"]);
    expect(found(custom, defaults)).toEqual(["game-changer"]);
    expect(found(custom, added)).toEqual(["game-changer", "a total win for"]);
    expect(found(custom, { phrases: ["tired parents"], add: [] })).toEqual(["tired parents"]);
  });
});
