import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { medicationSafety } from "./medication-safety.js";

const bare = bundle([
  "# Knee Pain After Running",
  "Ibuprofen and a few days off usually settle the ache.",
  "## Stubborn Cases",
  "Stretch the hips and calves every evening.",
  "## Last Resorts",
  "Steroid injections calm a swollen knee quickly.",
]);

const noted = bundle([
  "# Insomnia",
  "Melatonin can shift a late body clock. Check with a pharmacist first if you take other medicines.",
  "## Pills",
  "Sleeping pills are a short-term option.",
  "They carry a risk of dependence, so doctors prescribe them for a few weeks at most.",
]);

const cases: Array<[string, RuleCase]> = [
  [
    "a medicine and a procedure with no safety note nearby: one report per paragraph",
    {
      code: bare,
      errors: [
        { messageId: "noSafetyNote", ...loc(bare, "Ibuprofen") },
        { messageId: "noSafetyNote", ...loc(bare, "Steroid injections") },
      ],
    },
  ],
  ["notes in the same or the next paragraph", { code: noted, errors: [] }],
  [
    "a medicine that is not advised",
    { code: bundle(["# Knee Pain", "Most runners recover without surgery.", "Rest for a week."]), errors: [] },
  ],
];

testRule(medicationSafety, tables(cases, "on"));
