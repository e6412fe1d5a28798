import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { unsourcedClaim } from "./unsourced-claim.js";

const claims = [
  "Recent research shows that magnesium shortens migraine attacks.",
  "In 2025, neurology data also points to sleep loss as a trigger.",
  "Biofeedback has shown significant efficacy for tension headaches.",
];
const advice = [
  "Keep a headache diary for a month.",
  "Talk to your doctor if headaches wake you at night.",
  "Dark, quiet rooms help during an attack.",
];
const sourced = [
  "A 2021 trial published in Cephalalgia found fewer attacks with magnesium.",
  "Studies show the same effect in teenagers (Lee et al., 2020).",
  "According to the American Migraine Foundation, triptans work best early.",
];

const mixed = bundle([
  "# Migraine Relief",
  `${claims[0]} ${advice[0]}`,
  "## Triggers",
  `${advice[1]} ${claims[1]}`,
  "## Therapies",
  `${claims[2]} ${advice[2]}`,
]);
const clean = bundle(["# Migraine Relief", advice.join(" "), "## Evidence", sourced.join(" ")]);
const english = bundle(["# Migraine Relief", "Studies show that rest helps."], { lang: "en" });

const markdown =
  "---\ntitle: Migraine Relief\n---\n# Migraine Relief\n\nStudies show that [magnesium helps](https://example.org/mg) some people.\n\nExperts agree that *sleep* matters.\n";
const html =
  "<!doctype html><html><body><h1>Migraine Relief</h1><p>Rest &amp; darkness help. Studies show that rest &amp; darkness shorten attacks.</p></body></html>";

const cases: Array<[string, RuleCase]> = [
  [
    "markdown: a linked claim is sourced, an unlinked one is not",
    {
      code: markdown,
      from: "markdown",
      errors: [{ messageId: "unsourced", ...loc(markdown, "Experts agree that *sleep* matters.") }],
    },
  ],
  [
    "html: the sentence span maps through entities",
    {
      code: html,
      from: "html",
      errors: [{ messageId: "unsourced", ...loc(html, "Studies show that rest &amp; darkness shorten attacks.") }],
    },
  ],
  [
    "claims credited to unnamed research, data and efficacy, each reported over its sentence",
    {
      code: mixed,
      errors: claims.map((c) => ({ messageId: "unsourced", ...loc(mixed, c) })),
    },
  ],
  ["advice and sourced claims", { code: clean, errors: [] }],
  [
    "headings are not claims",
    { code: bundle(["# Migraine Relief", "## What Studies Show", "Rest in a dark room."]), errors: [] },
  ],
  [
    "lang en runs it",
    { code: english, errors: [{ messageId: "unsourced", ...loc(english, "Studies show that rest helps.") }] },
  ],
  [
    "off for articles that are not health content",
    { code: bundle(["# Garden Soil", "Studies show that compost helps."]), settings: { health: "off" }, errors: [] },
  ],
];

testRule(unsourcedClaim, tables(cases, "on"));
