import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { keyphraseStuffing } from "./keyphrase-stuffing.js";

const meta = { focus_keyword: "knee pain after running" };

// the keyphrase in the introduction and in 3 of 4 sections: 4 of 5 sections (80%)
const stuffed = bundle(
  [
    "# Knee Trouble for Runners",
    "Knee pain after running is common in new runners.",
    "## Causes",
    "Most knee pain after running comes from sudden jumps in mileage.",
    "## Warning Signs",
    "Swelling that lasts a day deserves a closer look.",
    "## Home Care",
    "Rest and ice ease knee pain after running within days.",
    "## Prevention",
    "Strong hips keep knee pain after running away.",
  ],
  meta,
);

// the keyphrase in 4 of 4 subheadings, the text varies its wording
const headings = bundle(
  [
    "# Knee Trouble for Runners",
    "Sore knees are common in new runners.",
    "## Knee Pain After Running: Causes",
    "Sudden jumps in mileage overload the joint.",
    "## Knee Pain After Running: Signs",
    "Swelling that lasts a day deserves a closer look.",
    "## Knee Pain After Running: Care",
    "Rest and ice help within days.",
    "## Knee Pain After Running: Prevention",
    "Strong hips protect the knee.",
  ],
  meta,
);

const natural = bundle(
  [
    "# Knee Trouble for Runners",
    "Knee pain after running is common in new runners.",
    "## Causes",
    "Sudden jumps in mileage overload the joint.",
    "## Warning Signs",
    "Swelling that lasts a day deserves a closer look.",
    "## Home Care",
    "Rest and ice ease knee pain after running within days.",
    "## Prevention",
    "Strong hips protect the knee.",
  ],
  meta,
);

const cases: Array<[string, RuleCase]> = [
  [
    "the exact keyphrase in most sections: every section but the introduction is reported",
    {
      code: stuffed,
      errors: [
        { messageId: "sections", ...loc(stuffed, "knee pain after running", 1) },
        { messageId: "sections", ...loc(stuffed, "knee pain after running", 2) },
        { messageId: "sections", ...loc(stuffed, "knee pain after running", 3) },
      ],
    },
  ],
  [
    "the exact keyphrase in every subheading",
    {
      code: headings,
      errors: [
        { messageId: "headings", ...loc(headings, "Knee Pain After Running", 1) },
        { messageId: "headings", ...loc(headings, "Knee Pain After Running", 2) },
        { messageId: "headings", ...loc(headings, "Knee Pain After Running", 3) },
        { messageId: "headings", ...loc(headings, "Knee Pain After Running", 4) },
      ],
    },
  ],
  ["natural use: 2 of 5 sections", { code: natural, errors: [] }],
  ["a looser threshold accepts 80%", { code: stuffed, options: { maxSectionShare: 0.8 }, errors: [] }],
  [
    "no focus keyphrase, nothing to judge",
    { code: bundle(["# Knee", "Knee pain after running.", "## A", "Knee pain after running."]), errors: [] },
  ],
];

testRule(keyphraseStuffing, tables(cases));
