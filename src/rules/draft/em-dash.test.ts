import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { emDash } from "./em-dash.js";

const dashy = bundle([
  "# Shin Splints",
  "Shin splints—pain along the shinbone—start with sudden load—often in spring—and fade with rest.",
  "Ice helps.",
]);

const sentence = "Runners ease back with short, flat routes and rest days between hard efforts — a slow return pays.";
const dense = bundle(["# Shin Splints", ...Array.from({ length: 12 }, () => sentence)]);

const cases: Array<[string, RuleCase]> = [
  [
    "more than two in a paragraph: reported at the third",
    { code: dashy, errors: [{ messageId: "paragraph", ...loc(dashy, "—", 3) }] },
  ],
  [
    "one per paragraph but 12 in ~220 words: reported once at the first",
    { code: dense, errors: [{ messageId: "density", ...loc(dense, "—") }] },
  ],
  ["a higher density limit lets it pass", { code: dense, options: { maxPer1000Words: 60 }, errors: [] }],
  ["a few dashes in short text", { code: bundle(["# Shin Splints", "Rest—then return slowly."]), errors: [] }],
];

testRule(emDash, tables(cases));
