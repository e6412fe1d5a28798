import { describe, expect, it } from "vitest";
import { bundle, lintWith, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { lexemeOf } from "../../text/lexeme.js";
import { rolesOf } from "../_word-roles.js";
import { isYear, YEAR, yearFiller } from "./year-filler.js";

const stamped = bundle([
  "# Insomnia Guide",
  "In 2025, sleep clinics saw more patients than ever.",
  "## Habits",
  "Evening routines in 2025 lean on dimmed screens.",
  "Many adults now track their sleep in 2025.",
]);

const openers = bundle([
  "# Migraine Basics",
  "In 2025, triggers vary from person to person.",
  "In 2025, a diary helps spot them.",
]);

const cases: Array<[string, RuleCase]> = [
  [
    "three sentences stamped with the same year",
    {
      code: stamped,
      errors: [
        { messageId: "yearStamp", ...loc(stamped, "In 2025") },
        { messageId: "yearStamp", ...loc(stamped, "in 2025", 1) },
        { messageId: "yearStamp", ...loc(stamped, "in 2025", 2) },
      ],
    },
  ],
  [
    "two year openers are enough",
    {
      code: openers,
      errors: [
        { messageId: "yearOpener", ...loc(openers, "In 2025") },
        { messageId: "yearOpener", ...loc(openers, "In 2025", 2) },
      ],
    },
  ],
  [
    "a higher threshold lets three stamps through (openers aside)",
    { code: stamped, options: { minSentences: 4 }, errors: [] },
  ],
  [
    "different years, dates and citations are not filler",
    {
      code: bundle([
        "# Running Knee",
        "Runner's knee was first described in 1979.",
        "A trial in March 2024 compared two taping methods (Olsen, 2024).",
        "The 2024 update of the guideline kept rest first.",
        "By 2030 clinics expect more cases.",
      ]),
      errors: [],
    },
  ],
];

testRule(yearFiller, tables(cases));

describe("draft/year-filler", () => {
  it("suggests removing the opener and re-capitalising, and a trailing year before punctuation", () => {
    const found = lintWith(yearFiller, { code: stamped });
    const apply = (d: (typeof found)[number]) => {
      const edit = d.suggestions![0]!.fix.edits[0]!;
      return stamped.slice(0, edit.span.start) + edit.text + stamped.slice(edit.span.end);
    };
    expect(apply(found[0]!).split("\n")[1]).toBe("Sleep clinics saw more patients than ever.");
    expect(found[1]!.suggestions).toBeUndefined(); // "in 2025 lean on": dropping it needs a person
    expect(apply(found[2]!).split("\n")[4]).toBe("Many adults now track their sleep.");
  });
});

describe("draft/year-filler's year role", () => {
  const years = ["1900", "1999", "2000", "2026", "2099"];
  const others = ["1899", "2100", "19th", "20s", "20000", "1a00", "200a", "2o26", "year"];

  it("is a bit of its own, given when the module loads", () => {
    expect(YEAR).not.toBe(0);
    expect(YEAR & (YEAR - 1)).toBe(0);
  });

  it("holds 1900–2099 as four digits and nothing else", () => {
    for (const y of years) expect([y, isYear(y), (rolesOf(lexemeOf(y)) & YEAR) !== 0]).toEqual([y, true, true]);
    for (const w of others) expect([w, isYear(w), (rolesOf(lexemeOf(w)) & YEAR) !== 0]).toEqual([w, false, false]);
  });
});
