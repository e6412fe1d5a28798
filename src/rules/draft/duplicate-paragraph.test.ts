import { bundle, loc, type RuleCase, tables } from "../../../test/draft-health-harness.js";
import { testRule } from "../../../test/helpers/rule-tester.js";
import { duplicateParagraph, START_SHINGLES } from "./duplicate-paragraph.js";

const tail =
  " A diet change works slowly, so give it at least two months before judging it, and change one thing at a time so you can tell what helped and what did not.";
const p1 = `Magnesium-rich foods such as spinach, pumpkin seeds and almonds may help some people who get frequent migraines.${tail}`;
const p2 = "Keeping a headache diary for a month shows which foods, drinks and sleep patterns come before an attack.";
const near = `Magnesium-rich foods such as spinach, pumpkin seeds and almonds may help some adults who get frequent migraines.${tail}`;

const twice = bundle(["# Migraine and Diet", p1, "## Diary", p2, "## Food", p1]);
const nearly = bundle(["# Migraine and Diet", p1, "## Diary", p2, "## Food", near]);
// the visible FAQ and its FAQPage copy in the metadata are one FAQ, not a duplicate
const faq = bundle(["# Migraine and Diet", p1, "## Frequently Asked Questions", "### Does a diary help?", p2], {
  faq_schema: {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: [{ "@type": "Question", name: "Does a diary help?", acceptedAnswer: { "@type": "Answer", text: p2 } }],
  },
});
const faqRepeatsBody = bundle([
  "# Migraine and Diet",
  p1,
  "## Frequently Asked Questions",
  "### Does food matter?",
  p1,
]);
// shingles count once per paragraph: p2 twice over holds p2's 16 shingles and 2 across the seam, 16/18 = 88%
const doubled = `${p2} ${p2}`;
const repeatsItself = bundle(["# Migraine and Diet", p2, "## Again", doubled]);

// more shingles than the index starts with (START_SHINGLES): 400 distinct paragraphs of 14 words (12 shingles each), the last
// one repeated; a repeat of a late paragraph is found only if the index grew (its nodes are past the start size)
const distinct = Array.from({ length: 400 }, (_, i) => Array.from({ length: 14 }, (_, j) => `w${i}x${j}`).join(" "));
const last = distinct[399] as string;
const long = bundle(["# Many Paragraphs", ...distinct, last]);

const cases: Array<[string, RuleCase]> = [
  ["an identical paragraph", { code: twice, errors: [{ messageId: "duplicate", ...loc(twice, p1, 2) }] }],
  ["a near-identical paragraph", { code: nearly, errors: [{ messageId: "nearDuplicate", ...loc(nearly, near) }] }],
  ["a stricter threshold lets the near copy pass", { code: nearly, options: { threshold: 0.95 }, errors: [] }],
  ["a FAQ and its JSON-LD copy", { code: faq, errors: [] }],
  [
    "a FAQ answer that repeats a body paragraph word for word",
    { code: faqRepeatsBody, errors: [{ messageId: "duplicate", ...loc(faqRepeatsBody, p1, 2) }] },
  ],
  [
    "a paragraph that says an earlier one twice over",
    { code: repeatsItself, errors: [{ messageId: "nearDuplicate", ...loc(repeatsItself, doubled) }] },
  ],
  [
    "a paragraph that says an earlier one twice, below 0.9",
    { code: repeatsItself, options: { threshold: 0.9 }, errors: [] },
  ],
  [
    `a repeat past the first ${START_SHINGLES} shingles`,
    { code: long, errors: [{ messageId: "duplicate", ...loc(long, last, 2) }] },
  ],
  ["different paragraphs", { code: bundle(["# Migraine and Diet", p1, p2]), errors: [] }],
];

testRule(duplicateParagraph, tables(cases));
