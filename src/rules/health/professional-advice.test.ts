import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { professionalAdvice } from "./professional-advice.js";

const silent = bundle([
  "# Runner's Knee",
  "Runner's knee is a dull ache around the kneecap.",
  "Rest, ice and shorter runs help most people within weeks.",
]);

const cases: Array<[string, RuleCase]> = [
  ["no advice to see anyone", { code: silent, errors: [{ messageId: "missing", ...loc(silent, "Runner's Knee") }] }],
  [
    "see a physiotherapist",
    { code: bundle(["# Runner's Knee", "If it still hurts after two weeks, see a physiotherapist."]), errors: [] },
  ],
  [
    "talk to your family doctor (within the window)",
    { code: bundle(["# Insomnia", "Talk to your family doctor about sleep tests."]), errors: [] },
  ],
  [
    "seek medical attention",
    { code: bundle(["# Migraine", "Seek urgent medical help for a sudden, severe headache."]), errors: [] },
  ],
  [
    "a professional named without advice to consult them",
    {
      code: bundle(["# Insomnia", "Sleep specialists study the body clock."]),
      errors: [{ messageId: "missing", line: 1, column: 3 }],
    },
  ],
  [
    "a narrow window misses distant advice",
    {
      code: bundle(["# Insomnia", "Ask about it at your next routine visit with the doctor."]),
      options: { window: 2 },
      errors: [{ messageId: "missing", line: 1, column: 3 }],
    },
  ],
  // the urgent-care pattern runs only where one of its words is: each form below must still count
  ...[
    "Call 911 if the pain spreads to your arm.",
    "If breathing stops, re-dial 999 at once.",
    "GO TO THE EMERGENCY ROOM if the bleeding will not stop.",
    "A non-urgent care line is open at night.",
    "With chest pain that will not ease within a few minutes, the nearest A&E is the right place to be.",
    "You may need   immediate Professional treatment.",
  ].map((line): [string, RuleCase] => [`urgent care: ${line}`, { code: bundle(["# Chest Pain", line]), errors: [] }]),
  [
    "urgent-care words that do not form the pattern",
    {
      code: bundle(["# Chest Pain", "Recall the emergency plan; a medical diary and an urgent note help."]),
      errors: [{ messageId: "missing", line: 1, column: 3 }],
    },
  ],
];

testRule(professionalAdvice, tables(cases, "on"));
