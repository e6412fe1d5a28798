import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { placeholder } from "./placeholder.js";

const leftovers = bundle([
  "# Migraine Triggers",
  "About [Insert statistic here] of adults get migraines [citation needed].",
  "TODO: add the triggers table. Lorem ipsum dolor sit amet.",
  "As an AI language model, I cannot give medical advice.",
  "Welcome to {{site_name}}, the home of {keyword} guides.",
  "===END OF ARTICLE===",
]);

const spanish = bundle(["# Migraña", "Todo el mundo conoce a alguien con migraña: todo cambia con un diario."]);

const html =
  "<!doctype html><html><body><h1>Migraine</h1><p>Triggers &amp; relief: [Insert table] TODO</p></body></html>";

const cases: Array<[string, RuleCase]> = [
  [
    "html: spans map through entities",
    {
      code: html,
      from: "html",
      errors: [
        { messageId: "placeholder", ...loc(html, "[Insert table]") },
        { messageId: "placeholder", ...loc(html, "TODO") },
      ],
    },
  ],
  [
    "slots, editor notes, model self-talk, templates and markers",
    {
      code: leftovers,
      errors: [
        { messageId: "placeholder", ...loc(leftovers, "[Insert statistic here]") },
        { messageId: "placeholder", ...loc(leftovers, "[citation needed]") },
        { messageId: "placeholder", ...loc(leftovers, "TODO") },
        { messageId: "placeholder", ...loc(leftovers, "Lorem ipsum") },
        { messageId: "placeholder", ...loc(leftovers, "As an AI language model") },
        { messageId: "placeholder", ...loc(leftovers, "{{site_name}}") },
        { messageId: "placeholder", ...loc(leftovers, "{keyword}") },
        { messageId: "placeholder", ...loc(leftovers, "===END OF ARTICLE===") },
      ],
    },
  ],
  ['"todo" in Spanish prose is a word, not an editor note', { code: spanish, errors: [] }],
  [
    "brackets that are content",
    {
      code: bundle([
        "# Migraine Triggers",
        "Keep a diary [a notebook works] and note each attack (time, food, sleep).",
      ]),
      errors: [],
    },
  ],
];

testRule(placeholder, tables(cases));
